'use strict';
// "minio server <dir> [--address :9000] [--console-address :9001]" served by s3rver.
// s3rver checks the access key but not SigV4 signatures (ENVIRONMENT.md): good enough to prove that
// the containers talk to each other and that signed URLs open from the host, nothing about security.
const S3rver = require('s3rver');
const AWSAccount = require('s3rver/lib/models/account');

const args = process.argv.slice(2);
if (args[0] !== 'server') {
  console.error('minio stand-in: only "server <dir>" is supported');
  process.exit(2);
}
let directory = '/data';
let port = 9000;
for (let i = 1; i < args.length; i++) {
  if (args[i] === '--address') {
    port = Number(args[++i].split(':').pop());
  } else if (args[i].startsWith('--')) {
    i++; // --console-address and friends take a value and mean nothing here
  } else {
    directory = args[i];
  }
}

const user = process.env.MINIO_ROOT_USER;
const password = process.env.MINIO_ROOT_PASSWORD;
if (user && password) {
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(user, password);
}

// vhostBuckets: false, or s3rver reads the host name of http://minio:9000 as a bucket name.
const server = new S3rver({ address: '0.0.0.0', port, directory, silent: true, vhostBuckets: false });
server.run().then(
  () => console.log(`minio stand-in (s3rver): http://0.0.0.0:${port}, data in ${directory}`),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close().then(() => process.exit(0)));
}
