'use strict';
// The sample page's form, without wx: the fields an experiment of the catalogue asks for, and the
// request those fields make. Pure functions, so they are tested in node (test/form.test.js).

/** The form of one catalogue entry: a text field per column, a number per constant. */
function fieldsOf(definition) {
  return {
    id: definition.id,
    name: definition.nameZh,
    columns: definition.columns.map((c) => ({
      key: c.key,
      label: `${c.nameZh}${c.unit ? `（${c.unit}）` : ''}`,
      required: c.required,
      repeated: c.allowsRepeatedReadings,
      hint: c.allowsRepeatedReadings ? '每行一个数据点；同一点的多次读数用空格隔开' : '每行一个数值',
      text: '',
    })),
    constants: definition.constants.map((k) => ({
      key: k.key,
      label: `${k.nameZh}${k.unit ? `（${k.unit}）` : ''}`,
      required: k.required,
      text: k.default === undefined || k.default === null ? '' : String(k.default),
    })),
  };
}

/** Numbers of one line: spaces, commas (also full-width) or tabs between them. */
function numbersOf(line) {
  return line.split(/[\s,，、]+/).filter(Boolean).map(Number);
}

/**
 * The request a filled form makes, or { error } naming the field in Chinese. The service checks it
 * again (and more); this only saves a round trip for the obvious mistakes.
 */
function requestOf(form, { title, width = 1200, height = 900 } = {}) {
  const data = {};
  for (const column of form.columns) {
    const lines = column.text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) {
      if (column.required) return { error: `请填写「${column.label}」。` };
      continue;
    }
    const rows = lines.map(numbersOf);
    if (rows.some((row) => row.length === 0 || row.some((n) => !Number.isFinite(n)))) {
      return { error: `「${column.label}」中有无法识别的数字。` };
    }
    if (!column.repeated && rows.some((row) => row.length > 1)) {
      return { error: `「${column.label}」每行只能有一个数值。` };
    }
    data[column.key] = { values: column.repeated && rows.some((row) => row.length > 1) ? rows : rows.map((row) => row[0]) };
  }
  const constants = {};
  for (const constant of form.constants) {
    if (constant.text.trim() === '') {
      if (constant.required) return { error: `请填写「${constant.label}」。` };
      continue;
    }
    const value = Number(constant.text.trim());
    if (!Number.isFinite(value)) return { error: `「${constant.label}」不是数字。` };
    constants[constant.key] = { value };
  }
  const request = { experiment: form.id, data, render: { formats: ['png'], width, height } };
  if (title) request.title = title;
  if (Object.keys(constants).length > 0) request.constants = constants;
  return { request };
}

module.exports = { fieldsOf, requestOf, numbersOf };
