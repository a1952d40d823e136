// Keys, signatures and ciphertexts node made (kept here as data, recorded once): nrt reads
// the keys, re-exports them byte for byte, verifies node's signatures, decrypts node's
// ciphertexts and agrees on the X25519 secret.
const crypto = require('crypto');

const data = {
 "rsa": "-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQDj8rys6uFDmZWEIAqR+imLsn3N9OHIIiT4LRLE1PqQTVVsZ68l\nXZPVYHMe1iRvQrdPLN8y8p++99xA11jNHwOzHnLFMHIQ6m3fwivzaLy6Qy2mq6he\nN+rgicIDYAgOCnXwbY7ZCs41OR75QO3vmIJ+jlNaqWrKNtir39+ICtMrBwIDAQAB\nAoGAMP8xLR4Ds6skp1TX0M7r9To1rnqPuZwVRD80BJkfDruAvB+BV0/JAhmMRTmU\ndVHq4xrrEyFx0vOmJU3kqZqcCZGM3+bkrBETy5FLr+yuK62UP0downgJw7IoY/BB\naE9SAy4Mn3P3f6hAhujuwZurNcWFXM3QZc2bamJ5aVCviNkCQQDy9YCtOql6Rhdj\n+EC2kk35i2yGpOmWRJIh7thltyD/bVZlwliQHYMCtyvVuzooVswLOqHBt0b2GOPO\nr1Vq/qAFAkEA8C74l0TMUd0nTQrOJfqojZnsvBnwApjhpJMuBOLqcwfUTzixiPmT\nagfwI3nmXqfKj0BxLISUUSxh2OSHtSGomwJAc0pSfGF46L/3+4VjV/+HJuKlZiM9\ngQQbACUx5NqIuwysUe9uTTzj3VcEYxDMYTYG71EsTxtkfgWDnKGQ/AvF7QJBAO6P\nWO62sNJm/RAyuUtTynLK/i5e/Ns3indykHTeBcw3bJM7VmscqWTZeZVjEIPX2QOs\nGD0FemOd15occwZf5h0CQDOPaSQNhebLPWru6VYbtYo/Tt1/bmlMCpNSVCqTcUCS\nPuK9frWBZaLANXL9WsaRW23S6EW63aeEoOkxKZBPnuQ=\n-----END RSA PRIVATE KEY-----\n",
 "ec256": "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEICG/+jAsSxeFqKQN501CvaWRv0McElWf2OygvMkCXy1foAoGCCqGSM49\nAwEHoUQDQgAEDC59GQSz57hOTtodvc94lO6yKCe7HCoF9BqsjbpY//B8OIxeHvx7\nMxQFWRX45WlYQwVx/FbjxJtxjZ5BYlm8Gw==\n-----END EC PRIVATE KEY-----\n",
 "ec384": "-----BEGIN PRIVATE KEY-----\nMIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDBy+8Dj26gtoNl9eNuy\n8Wwm6NaMHjEsbQUMtv0kKhxSA35mAfrhf+0LTTQN6hC/vhWhZANiAARiv4uSqO6/\nXsTRa4mqA/ZZxsK06ku3mOWoXdDn0h1a6CxrrdVdta9Cn575O0gxcE1sZquvhbFd\nBKSXBcxoiz3jXg06CylUvx7pPWauxwDXzPDSJnpbtCdAo8sr+1qH9G0=\n-----END PRIVATE KEY-----\n",
 "ed": "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAhCOP+ZleG4eMUvxAUwq1TrAmfspXAh10NYsggCgbDQ\n-----END PRIVATE KEY-----\n",
 "x": "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VuBCIEIHiNXg0nYCwlgSsjuxWsCLPCGOgrZGXvkZCETKwjneNT\n-----END PRIVATE KEY-----\n",
 "x2pub": "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEAA1tOYcNgCO1R2zNVhcMTUQUT+jvOg0dn/wxD94iDLw0=\n-----END PUBLIC KEY-----\n",
 "sigs": {
  "rsa_sha256": "elbKyQ2R2KLeRAQELtmMpqSqxQcwU03NU4x3fHVylSOz01AhJu3Dz3z7sLc9f1t9dAvjjfhtzjwCflnMFQm1iGnBXLSfCNzju9o9EFPDb9aO1JPOGlimAI/AQbSPOf5RHaBMsx3uLJz3oN66yymQT/RCG+GruCUg/CmISl3nOjs=",
  "rsa_pss": "xZfT5vjhbq6SakqR26MrM0d2dP5nj9viut1f1lgrnNcp0cwSMLD+jdQYdD1+Re52S+9epGwE+GwBlzO1y+QLVbK3qb7uNvSNpqARrwaXUS/v4F5L9WYen8N10HnQFrfle6zhIiOlg8cq34atVSdOzH1N71YK4BFvycaklIuQgxY=",
  "rsa_pss32": "kOyYID8XsTdBP5rmd1ypyhHON5/7JcPOOOyi/Zb+pEewrghMn0xfVSHLUsKK0kMx0MvXtBXrNFhmEI7KU7UApksWZdB/Ax1YphdDQzM297qQOVkvLo65zem+0qbWYgMF3wI2Is74QTnUfgRtzLj8M+8EXVdRf37JMsXriwdKyE0=",
  "ec256_der": "MEUCIQCtE0dX3X9QxSZ+Nj2REHMbtBVWmKcOXhWlNxEIRDmrVgIgTkXTyclhtKuDSNWvmUWnmwJku1s/YqfCo8dsVhVAaX4=",
  "ec256_p1363": "hYqnusSKh6R8gH8lTT15uYSaep+h1K5aIhuEAii2Y2kXHXXtq1JOrDrtLXICUm5z7Ok1ryqI2FBSJJ3+K0faeA==",
  "ec384_sha384": "MGYCMQD5tweCs6PLbvCdFkhsZ5r/OarLV60GthszJjyNdOS2R+mIhGXSSTSWs9lD1UhoHnUCMQCRuLn+jrdlpoyJK0KemWgM6iM/YvRQA6CInaW87h1eYWPLY0pfeYo6APkEAImlz6o=",
  "ed": "Dh5hEsBtwhpWuKQgmQG2qkm4sqY9xfiRAvTiYblwTUnnooZt3VLqrsjNEIpagEqMtJSQbxsJSI/VIXbxejHuDg=="
 },
 "dh": "18bd8d2f305f8bc613da4a6d2d2d7c3ed2d808af37854b78d95e0063ddf99a48",
 "oaep": "eLgG4BvilUiH1FoUFRt5rqFk9UFVOn/QoMbmN+94XLbHM02d6XiVflP/CZvIjDuji6prX+SW9O+yULTL3Z568KES5xK7TU2Zrkeq91mYSIImM6v+3VLlWzbvPal8f0443e4Xnrsz5jyaqmMcjz/9IuUlv3jRIkkN9K6vmFPQXn0=",
 "oaep256": "j5APueKy5014s/7ai90M+cQpljzj0YSP4mB2lF1z200u/TmjcQPf0YPFFradWBsVFskvayZim3j45IXqoAO7COrQguxyEXz1IV/uRlwnMW+h/ycC3IlqU97k8wDjjr15vLe+VKQbkPrg+CMFdrDJkOJwzS1T+CoG9v28Pu2AdFA=",
 "encrypted": "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAieGEdxdn3J7QICCAAw\nDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEMobHF1XLdMqiMkr/SPFf+MEgZCj\njlX2NR9EVTj6mAW7benlew3i2I6x5mimwluOMMNZyK9Gs2qvIMKjXCpJe6Am/Kqv\nbGtbg7z15+COmdGA/XiSiLlH3pgyFGlemQPbuAZhTTUQKZWnWko3RaK/YBg4y1Dr\ngpmZIWklMVrGX91gByF97b6jmnf7Bsf61SBvV5lGXQZrD1IH9fY0QVSkVRZkffQ=\n-----END ENCRYPTED PRIVATE KEY-----\n"
};

const msg = Buffer.from('message to sign');
const rsa = crypto.createPrivateKey(data.rsa);
const ec256 = crypto.createPrivateKey(data.ec256);
const ec384 = crypto.createPrivateKey(data.ec384);
const ed = crypto.createPrivateKey(data.ed);
const x = crypto.createPrivateKey(data.x);
const x2pub = crypto.createPublicKey(data.x2pub);

for (const [name, k] of Object.entries({ rsa, ec256, ec384, ed, x })) {
  const pub = crypto.createPublicKey(k);
  console.log(name, k.type, k.asymmetricKeyType, k.asymmetricKeyDetails, pub.type, pub.asymmetricKeyDetails);
  const pkcs8 = k.export({ type: 'pkcs8', format: 'pem' });
  console.log(' pkcs8', pkcs8.split('\n')[0], pkcs8.length, k.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
  const spki = pub.export({ type: 'spki', format: 'der' });
  console.log(' spki', spki.toString('base64'));
  console.log(' jwk', JSON.stringify(k.export({ format: 'jwk' })));
  console.log(' pub jwk', JSON.stringify(pub.export({ format: 'jwk' })));
  console.log(' equals', k.equals(crypto.createPrivateKey(pkcs8)), pub.equals(crypto.createPublicKey(spki.length ? { key: spki, format: 'der', type: 'spki' } : pkcs8)), k.equals(pub));
  const fromJwk = crypto.createPrivateKey({ key: k.export({ format: 'jwk' }), format: 'jwk' });
  console.log(' jwk round trip', fromJwk.equals(k), crypto.createPublicKey({ key: pub.export({ format: 'jwk' }), format: 'jwk' }).equals(pub));
}
console.log('pkcs1', rsa.export({ type: 'pkcs1', format: 'pem' }) === data.rsa);
console.log('pkcs1 pub', crypto.createPublicKey(rsa).export({ type: 'pkcs1', format: 'der' }).toString('base64'));
console.log('sec1', ec256.export({ type: 'sec1', format: 'pem' }) === data.ec256);
console.log('ec384 pkcs8', ec384.export({ type: 'pkcs8', format: 'pem' }) === data.ec384);
console.log('ed pkcs8', ed.export({ type: 'pkcs8', format: 'pem' }) === data.ed);
console.log('x2 spki', x2pub.export({ type: 'spki', format: 'pem' }) === data.x2pub);

const s = data.sigs;
const b = (v) => Buffer.from(v, 'base64');
console.log('rsa pkcs1', crypto.verify('sha256', msg, rsa, b(s.rsa_sha256)), crypto.verify('sha256', Buffer.from('other'), rsa, b(s.rsa_sha256)));
console.log('rsa pkcs1 deterministic', crypto.sign('sha256', msg, rsa).toString('base64') === s.rsa_sha256);
console.log('rsa pss', crypto.verify('sha256', msg, { key: rsa, padding: crypto.constants.RSA_PKCS1_PSS_PADDING }, b(s.rsa_pss)));
console.log('rsa pss salt 32', crypto.verify('sha512', msg, { key: rsa, padding: 6, saltLength: 32 }, b(s.rsa_pss32)),
  crypto.verify('sha512', msg, { key: rsa, padding: 6 }, b(s.rsa_pss32)),
  crypto.verify('sha512', msg, { key: rsa, padding: 6, saltLength: 20 }, b(s.rsa_pss32)));
console.log('ec256 der', crypto.verify('sha256', msg, crypto.createPublicKey(ec256), b(s.ec256_der)));
console.log('ec256 p1363', crypto.verify('sha256', msg, { key: ec256, dsaEncoding: 'ieee-p1363' }, b(s.ec256_p1363)),
  crypto.verify('sha256', msg, ec256, b(s.ec256_p1363)));
console.log('ec384', crypto.verify('sha384', msg, ec384, b(s.ec384_sha384)));
console.log('ed25519', crypto.verify(null, msg, ed, b(s.ed)), crypto.sign(null, msg, ed).toString('base64') === s.ed);
const v = crypto.createVerify('SHA256');
v.update('message ');
v.update('to sign');
console.log('Verify stream', v.verify(data.rsa, s.rsa_sha256, 'base64'));
const sg = crypto.createSign('RSA-SHA256');
sg.write('message to ');
sg.end('sign');
console.log('Sign stream', sg.sign(rsa, 'base64') === s.rsa_sha256);

console.log('x25519', crypto.diffieHellman({ privateKey: x, publicKey: x2pub }).toString('hex') === data.dh);
console.log('oaep', crypto.privateDecrypt(rsa, b(data.oaep)).toString());
console.log('oaep sha256', crypto.privateDecrypt({ key: data.rsa, oaepHash: 'sha256' }, b(data.oaep256)).toString());
const enc = crypto.createPrivateKey({ key: data.encrypted, passphrase: 'top secret' });
console.log('encrypted pkcs8', enc.equals(ec256));
