throw Object.assign(new Error('has props'), { code: 'E_SOMETHING', info: { a: 1 } });
