#!/usr/bin/env node
'use strict';

// s3rver 3.7.1, the S3 stand-in of the tests, with whole-object writes as S3 and COS have them.
//
// Stock s3rver opens the object file for writing in place (truncating it) and writes its MD5 after: a
// reader racing a PUT gets half an object, and a PUT whose client dies mid-body (a worker killed by a
// fault test) leaves the object cut short beside the old MD5 for good, so every later read fails its
// checksum. LabCharts relies on what real stores promise (docs/architecture.md, "Atomic objects"), so
// here each write goes to a temporary file in the same folder, renamed over the target once complete;
// a write that fails leaves the old object whole. (The MD5 file follows the object by a moment, so a
// read racing a write can still pair new bytes with the old MD5 briefly; readers retry that.) Same
// command line as the `s3rver` command.

const crypto = require('crypto');
const path = require('path');
const { pipeline } = require('stream/promises');
const { Transform } = require('stream');

const home = process.env.S3RVER_HOME || path.join(__dirname, '..', '..', '.tmp', 's3rver', 'node_modules', 's3rver');
const fromS3rver = name => require(require.resolve(name, { paths: [home] }));
const fs = fromS3rver('fs-extra');
const { pick, pickBy } = fromS3rver('lodash');
const FilesystemStore = require(path.join(home, 'lib', 'stores', 'filesystem'));
const S3Object = require(path.join(home, 'lib', 'models', 'object'));

/** A temporary name beside the target that no s3rver listing takes for an object (objects end in "_object"). */
function temporaryPathFor(target) {
  return `${target}.${process.pid}-${crypto.randomBytes(6).toString('hex')}.partial`;
}

/** Writes the bytes of a Buffer or a stream to a temporary file, then renames it over the target. */
async function writeWhole(target, content, onChunk) {
  const temporary = temporaryPathFor(target);
  try {
    if (Buffer.isBuffer(content) || typeof content === 'string') {
      onChunk(Buffer.from(content));
      await fs.writeFile(temporary, content);
    } else {
      const counting = new Transform({
        transform(chunk, encoding, callback) {
          onChunk(chunk);
          callback(null, chunk);
        },
      });
      // pipeline rejects on a client that goes away mid-body (premature close), not only on errors.
      await pipeline(content, counting, fs.createWriteStream(temporary));
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.remove(temporary).catch(() => {});
    throw error;
  }
}

FilesystemStore.prototype.putObject = async function putObject(object) {
  const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
  await fs.mkdirp(path.dirname(objectPath));
  const md5 = crypto.createHash('md5');
  let size = 0;
  await writeWhole(objectPath, object.content, chunk => {
    md5.update(chunk);
    size += chunk.length;
  });
  const digest = md5.digest('hex');
  await this.putMetadata(object.bucket, object.key, object.metadata, digest);
  return { size, md5: digest };
};

// The stock method writes the MD5 and metadata files in place; write them whole, the same way.
FilesystemStore.prototype.putMetadata = async function putMetadata(bucket, key, metadata, md5) {
  const json = {
    ...pick(metadata, S3Object.ALLOWED_METADATA),
    ...pickBy(metadata, (value, name) => name.startsWith('x-amz-meta-')),
  };
  if (md5) await writeWhole(this.getResourcePath(bucket, key, 'object.md5'), md5, () => {});
  await writeWhole(this.getResourcePath(bucket, key, 'metadata.json'), JSON.stringify(json, null, 2), () => {});
};

require(path.join(home, 'bin', 's3rver.js'));
