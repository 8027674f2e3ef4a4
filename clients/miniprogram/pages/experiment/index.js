'use strict';
// Sample page: pick an experiment, type the data, submit, and watch the result arrive live.
// Copy labcharts.js next to app.js and this folder into pages/; set ENV and SERVICE to your own.
const labcharts = require('../../labcharts');
const { fieldsOf, requestOf } = require('./form');

const ENV = 'prod-your-env-id'; // your Cloud Run environment id
const SERVICE = 'labcharts'; // the service name (X-WX-SERVICE)

const STATUS_TEXT = { queued: '排队中…', running: '计算中…', succeeded: '已完成', failed: '未能完成' };

Page({
  data: { experiments: [], index: 0, form: null, title: '', status: '', quantities: [], chart: '', error: '', busy: false },

  async onLoad() {
    this.client = labcharts.init({ env: ENV, service: SERVICE });
    this.client.connect(); // the live channel is up before the first submit
    try {
      const experiments = await this.client.experiments();
      this.setData({ experiments, form: fieldsOf(experiments[0]) });
    } catch (e) {
      this.setData({ error: e.message });
    }
  },

  onUnload() {
    if (this.stopWatching) this.stopWatching();
    this.client.close();
  },

  onPickExperiment(e) {
    const index = Number(e.detail.value);
    this.setData({ index, form: fieldsOf(this.data.experiments[index]), status: '', quantities: [], chart: '', error: '' });
  },

  onTitle(e) { this.setData({ title: e.detail.value }); },
  onColumn(e) { this.setData({ [`form.columns[${e.currentTarget.dataset.i}].text`]: e.detail.value }); },
  onConstant(e) { this.setData({ [`form.constants[${e.currentTarget.dataset.i}].text`]: e.detail.value }); },

  async onSubmit() {
    const { request, error } = requestOf(this.data.form, { title: this.data.title || undefined });
    if (error) { this.setData({ error }); return; }
    if (this.stopWatching) this.stopWatching();
    this.setData({ busy: true, error: '', status: '提交中…', quantities: [], chart: '' });
    try {
      const accepted = await this.client.submit(request);
      this.stopWatching = this.client.watch(accepted.id, (job) => this.show(job));
    } catch (e) {
      this.setData({ busy: false, status: '', error: e.message }); // the service's own Chinese message
    }
  },

  show(job) {
    const done = job.status === 'succeeded' || job.status === 'failed';
    const chart = (job.artifacts || []).find((a) => a.format === 'png');
    this.setData({
      status: STATUS_TEXT[job.status] || job.status,
      busy: !done,
      quantities: job.result ? job.result.quantities.map((q) => ({ name: q.name, formatted: q.formatted })) : [],
      chart: chart ? chart.url : '',
      error: job.error ? job.error.message : '',
    });
  },

  onPreview() {
    if (this.data.chart) wx.previewImage({ urls: [this.data.chart] }); // eslint-disable-line no-undef
  },
});
