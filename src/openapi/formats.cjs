// Every format the slice's schemas use: ajv-formats' full set, and those of Graph's descriptions it does
// not define. Plain CommonJS, so that the validator compiled at run time and the one precompiled by
// `npm run build` (dist/validators.cjs) require the very same definitions.
const { fullFormats } = require('ajv-formats/dist/formats');

module.exports = {
  ...fullFormats,
  base64url: /^[A-Za-z0-9_-]*={0,2}$/,
  int16: { type: 'number', validate: (n) => Number.isInteger(n) && n >= -32768 && n <= 32767 },
  int8: { type: 'number', validate: (n) => Number.isInteger(n) && n >= -128 && n <= 127 },
  uint8: { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= 255 },
  decimal: { type: 'number', validate: (n) => Number.isFinite(n) },
};
