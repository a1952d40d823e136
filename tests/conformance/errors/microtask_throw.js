queueMicrotask(() => { throw new Error('qm') })
