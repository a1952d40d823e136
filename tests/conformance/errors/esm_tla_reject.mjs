const x = 1;
await Promise.reject(new Error("tla reject"));
