// Ciphertexts node produced (recorded once, kept here as data): nrt must decrypt them and
// produce the same bytes when encrypting.
const crypto = require('crypto');

const key = (n) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) & 255));
const plaintext = 'The quick brown fox jumps over the lazy dog — ünïcødé ✓';
const vectors = [
  ['aes-128-cbc', 'p+I+SWBhxioHt90epkdivcVPf5dadNvQBYenx6VAxZEvaAyrSxyBWFI5ElbBM82mycHmjbLWqoveKg45LkDStA=='],
  ['aes-192-cbc', 'cIOaKHgBNTe2jgMoaX2GVaMjixgSg7G4GW8IP2KWe2ULX3CZmlOOrbitJiEOr81j28uT1RuFjedzALL6yl0KmA=='],
  ['aes-256-cbc', 'wexcS8Cqkf0S1JTg3o/+fQc1epNT3LUU6sAJRmLwgv70avICW2/AYMTjPQTXDo2zeM5JO9JjQybgvVaIBkEanA=='],
  ['aes-128-ecb', 'Ifh0BLZUl1+dnfPtVMFqKoSdyJGwKObI9q438b05MT/T+UdQVdPm2kwKKdrMfXh2akcTifQTzcv0h5LQFETVaQ=='],
  ['aes-256-ecb', 'Kv1u0fKEHS+nJll/ZxmJYZ5XLFBAdTF7hERr2x8+HQmlA7fUGWoCgyRfNruCCMtFOzKKcPGuWwotMGPxHK1PTg=='],
  ['aes-128-ctr', '8y7j61met0td0PnoTm4sC5MfAmqZ4PeGpfK9iYVvDlEDr9t8qNciEW6BSFp2w5Rt7xNkn/rn2cWG8NbAt6Vw'],
  ['aes-256-ctr', 'rFvf5ggEtiAu1ruEY1tgO45MTiu4pm7ftHJQVlq4h/rd1yvo3ytzg3/NjSfclDIsymXWCDUU4UgzDheVRzj8'],
  ['aes-192-ofb', 'XxYbemqu3cQoh3XpoUz+mEbewRRv1kSCW9Gn2UdDkKmrJhqpW9S7nkNQ90J99ywVTMCw9J/37nfaVq7Xur63'],
  ['aes-256-cfb', 'rFvf5ggEtiAu1ruEY1tgO4ktBNk4btbolVfO5ix1025zzAFUF++G3DDbIG3/U8bPOmWFPXbqVLXryA+Tnv54'],
  ['aes-128-gcm', 'VQxyxmsCQuNvLEUqMzN1f4rlpXdT7OIkK1EUj4lX6wOoXHxPeCep3uUGvCfLVqn/y9KQGCHavDckWcGeeNGO', 'ae7bbaa063edd7a746d38448ec627645'],
  ['aes-256-gcm', 'uXnalICziKlN3rUn217Qn+PnSQ8G5Kii+nGZxfRyF+GDNCXiBdpUH4nKt9iiVs/EvZBlmejqlq1bqSAMfwku', '350dd36ac958530ff1bb3e9f11715496'],
  ['chacha20-poly1305', 'JtIoHkvelw0nl5pIleMwKpRHtobmJ1lLIrH/i7lLPNtunIlVJntdqDokLmlRAiiyi73i9Jn6ULjank+P6KgD', '02dcbd835a68a429ee9a2842cfdc731c'],
  ['chacha20', 'kxHn8ofdJS3psd9RP/DvJRmeTURSgrFHjKdXzF+2MfqF1D6OP+xZN37kKfCNLCiK8fA5wSzoEOuFiaGxWgIO'],
];

for (const [name, ct, tag] of vectors) {
  const info = crypto.getCipherInfo(name);
  const iv = info.ivLength ? key(info.ivLength).reverse() : null;
  const aead = tag !== undefined;

  const e = crypto.createCipheriv(name, key(info.keyLength), iv);
  if (aead) e.setAAD(Buffer.from('header'));
  const mine = e.update(plaintext, 'utf8', 'base64') + e.final('base64');
  const myTag = aead ? e.getAuthTag().toString('hex') : undefined;

  const d = crypto.createDecipheriv(name, key(info.keyLength), iv);
  if (aead) {
    d.setAAD(Buffer.from('header'));
    d.setAuthTag(Buffer.from(tag, 'hex'));
  }
  // Byte-at-a-time updates, utf8 output through the decoder.
  const bytes = Buffer.from(ct, 'base64');
  let back = '';
  for (let i = 0; i < bytes.length; i++) back += d.update(bytes.subarray(i, i + 1), undefined, 'utf8');
  back += d.final('utf8');
  console.log(name, mine === ct, myTag === tag, back === plaintext);

  if (aead) {
    const bad = crypto.createDecipheriv(name, key(info.keyLength), iv);
    bad.setAAD(Buffer.from('Header'));
    bad.setAuthTag(Buffer.from(tag, 'hex'));
    bad.update(bytes);
    try {
      bad.final();
    } catch (err) {
      console.log('  tampered:', err.message, err.code);
    }
  }
}
