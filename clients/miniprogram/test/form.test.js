'use strict';
// The sample page's form against the real catalogue entry (read from the embedded API's answer shape).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { fieldsOf, requestOf, numbersOf } = require('../pages/experiment/form');

const pendulumEntry = {
  id: 'pendulum', nameZh: '单摆测重力加速度',
  columns: [
    { key: 'L', nameZh: '摆长', unit: 'm', required: true, allowsRepeatedReadings: false },
    { key: 'T', nameZh: '周期', unit: 's', required: true, allowsRepeatedReadings: true },
  ],
  constants: [{ key: 'g_ref', nameZh: '参考值', unit: 'm/s^2', default: null, required: false }],
};

test('a filled form makes the request the API takes: single values, repeated readings, constants', () => {
  const form = fieldsOf(pendulumEntry);
  assert.equal(form.columns[1].label, '周期（s）');
  form.columns[0].text = '0.50\n0.60\n0.70';
  form.columns[1].text = '1.419 1.421 1.418\n1.553，1.556, 1.554\n1.679 1.677 1.680';
  form.constants[0].text = '9.794';
  const { request, error } = requestOf(form, { title: '单摆' });
  assert.equal(error, undefined);
  assert.deepEqual(request, {
    experiment: 'pendulum',
    title: '单摆',
    data: { L: { values: [0.5, 0.6, 0.7] }, T: { values: [[1.419, 1.421, 1.418], [1.553, 1.556, 1.554], [1.679, 1.677, 1.68]] } },
    constants: { g_ref: { value: 9.794 } },
    render: { formats: ['png'], width: 1200, height: 900 },
  });
});

test('obvious mistakes are named in Chinese before anything is sent', () => {
  const form = fieldsOf(pendulumEntry);
  assert.match(requestOf(form).error, /请填写「摆长（m）」/);
  form.columns[0].text = '0.5 0.6';
  form.columns[1].text = '1.4';
  assert.match(requestOf(form).error, /每行只能有一个数值/);
  form.columns[0].text = '0.5\nabc';
  assert.match(requestOf(form).error, /无法识别的数字/);
  assert.deepEqual(numbersOf(' 1, 2，3\t4 '), [1, 2, 3, 4]);
});
