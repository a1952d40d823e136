// ReadableStream.prototype.tee (WHATWG Streams ReadableStreamDefaultTee and
// ReadableByteStreamTee): two branches reading from one locked source.
'use strict';

const U = internal.requireBuiltin('internal/webstreams/util', true);
const R = internal.requireBuiltin('internal/webstreams/readable', true);
const B = internal.requireBuiltin('internal/webstreams/bytes', true);
const { kState, kInternal, then, deferred, resolved } = U;

function tee(stream) {
  if (B.isByteController(stream[kState].controller)) return byteTee(stream);
  return defaultTee(stream);
}

function defaultTee(stream) {
  const reader = new R.ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = deferred();

  const pull = () => {
    if (reading) {
      readAgain = true;
      return resolved(undefined);
    }
    reading = true;
    R.defaultReaderRead(reader, {
      chunkSteps: (chunk) => {
        // A microtask later, so a read's promise settles before the branches see the chunk.
        queueMicrotask(() => {
          readAgain = false;
          if (!canceled1) R.defaultControllerEnqueue(branch1[kState].controller, chunk);
          if (!canceled2) R.defaultControllerEnqueue(branch2[kState].controller, chunk);
          reading = false;
          if (readAgain) pull();
        });
      },
      closeSteps: () => {
        reading = false;
        if (!canceled1) R.defaultControllerClose(branch1[kState].controller);
        if (!canceled2) R.defaultControllerClose(branch2[kState].controller);
        if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
      },
      errorSteps: () => {
        reading = false;
      },
    });
    return resolved(undefined);
  };
  const cancel1 = (reason) => {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelPromise.resolve(R.readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  };
  const cancel2 = (reason) => {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelPromise.resolve(R.readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  };
  const start = () => undefined;
  branch1 = R.createReadableStream(start, pull, cancel1);
  branch2 = R.createReadableStream(start, pull, cancel2);
  then(reader[kState].closed.promise, undefined, (error) => {
    R.defaultControllerError(branch1[kState].controller, error);
    R.defaultControllerError(branch2[kState].controller, error);
    if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
  });
  return [branch1, branch2];
}

function cloneView(view) {
  const copy = new Uint8Array(view.byteLength);
  copy.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return copy;
}

// The byte-stream tee: both branches are byte streams; the source is read with a default
// reader or, when a branch has a BYOB request pending, a BYOB reader into that view.
function byteTee(stream) {
  let reader = new R.ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgainForBranch1 = false;
  let readAgainForBranch2 = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = deferred();
  const ctl = (branch) => branch[kState].controller;

  const forwardReaderError = (thisReader) => {
    then(thisReader[kState].closed.promise, undefined, (error) => {
      if (thisReader !== reader) return;
      B.byteControllerError(ctl(branch1), error);
      B.byteControllerError(ctl(branch2), error);
      if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
    });
  };
  const respondEmpty = (branch) => {
    const request = B.getBYOBRequest(ctl(branch));
    if (request !== null) B.byteControllerRespond(ctl(branch), 0);
  };

  const pullWithDefaultReader = () => {
    if (B.isBYOBReader(reader)) {
      R.readerGenericRelease(reader);
      B.errorReadIntoRequests(reader, new TypeError('Releasing reader'));
      reader = new R.ReadableStreamDefaultReader(stream);
      forwardReaderError(reader);
    }
    R.defaultReaderRead(reader, {
      chunkSteps: (chunk) => {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          let chunk1 = chunk;
          let chunk2 = chunk;
          if (!canceled1 && !canceled2) {
            try {
              chunk2 = cloneView(chunk);
            } catch (err) {
              B.byteControllerError(ctl(branch1), err);
              B.byteControllerError(ctl(branch2), err);
              cancelPromise.resolve(R.readableStreamCancel(stream, err));
              return;
            }
          }
          if (!canceled1) B.byteControllerEnqueue(ctl(branch1), chunk1);
          if (!canceled2) B.byteControllerEnqueue(ctl(branch2), chunk2);
          chunk1 = chunk2 = undefined;
          reading = false;
          if (readAgainForBranch1) pull1();
          else if (readAgainForBranch2) pull2();
        });
      },
      closeSteps: () => {
        reading = false;
        if (!canceled1) B.byteControllerClose(ctl(branch1));
        if (!canceled2) B.byteControllerClose(ctl(branch2));
        respondEmpty(branch1);
        respondEmpty(branch2);
        if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
      },
      errorSteps: () => {
        reading = false;
      },
    });
  };

  const pullWithBYOBReader = (view, forBranch2) => {
    if (R.isDefaultReader(reader)) {
      R.defaultReaderRelease(reader);
      reader = new B.ReadableStreamBYOBReader(stream);
      forwardReaderError(reader);
    }
    const byobBranch = forBranch2 ? branch2 : branch1;
    const otherBranch = forBranch2 ? branch1 : branch2;
    B.byobReaderRead(reader, view, {
      chunkSteps: (chunk) => {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const byobCanceled = forBranch2 ? canceled2 : canceled1;
          const otherCanceled = forBranch2 ? canceled1 : canceled2;
          if (!otherCanceled) {
            let clone;
            try {
              clone = cloneView(chunk);
            } catch (err) {
              B.byteControllerError(ctl(byobBranch), err);
              B.byteControllerError(ctl(otherBranch), err);
              cancelPromise.resolve(R.readableStreamCancel(stream, err));
              return;
            }
            if (!byobCanceled) B.byteControllerRespondWithNewView(ctl(byobBranch), chunk);
            B.byteControllerEnqueue(ctl(otherBranch), clone);
          } else if (!byobCanceled) {
            B.byteControllerRespondWithNewView(ctl(byobBranch), chunk);
          }
          reading = false;
          if (readAgainForBranch1) pull1();
          else if (readAgainForBranch2) pull2();
        });
      },
      closeSteps: (chunk) => {
        reading = false;
        const byobCanceled = forBranch2 ? canceled2 : canceled1;
        const otherCanceled = forBranch2 ? canceled1 : canceled2;
        if (!byobCanceled) B.byteControllerClose(ctl(byobBranch));
        if (!otherCanceled) B.byteControllerClose(ctl(otherBranch));
        if (chunk !== undefined) {
          if (!byobCanceled) B.byteControllerRespondWithNewView(ctl(byobBranch), chunk);
          if (!otherCanceled) respondEmpty(otherBranch);
        }
        if (!byobCanceled || !otherCanceled) cancelPromise.resolve(undefined);
      },
      errorSteps: () => {
        reading = false;
      },
    });
  };

  const pullBranch = (forBranch2) => {
    if (reading) {
      if (forBranch2) readAgainForBranch2 = true;
      else readAgainForBranch1 = true;
      return resolved(undefined);
    }
    reading = true;
    const request = B.getBYOBRequest(ctl(forBranch2 ? branch2 : branch1));
    if (request === null) pullWithDefaultReader();
    else pullWithBYOBReader(request[kState].view, forBranch2);
    return resolved(undefined);
  };
  const pull1 = () => pullBranch(false);
  const pull2 = () => pullBranch(true);
  const cancel1 = (reason) => {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelPromise.resolve(R.readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  };
  const cancel2 = (reason) => {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelPromise.resolve(R.readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  };
  const makeBranch = (pull, cancel) => {
    const branch = new R.ReadableStream(kInternal);
    const controller = new B.ReadableByteStreamController(kInternal);
    B.setUpByteController(branch, controller, () => undefined, pull, cancel, 0, undefined);
    return branch;
  };
  branch1 = makeBranch(pull1, cancel1);
  branch2 = makeBranch(pull2, cancel2);
  forwardReaderError(reader);
  return [branch1, branch2];
}

module.exports = { tee };
