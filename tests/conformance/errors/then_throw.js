Promise.resolve().then(() => { throw new RangeError('in then') })
