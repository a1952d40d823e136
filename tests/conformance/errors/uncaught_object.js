throw { reason: 'object', code: 42 };
