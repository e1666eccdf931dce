const jwt = require('jsonwebtoken');

function generateToken(userId, secret) {
  const payload = { sub: userId, iat: Math.floor(Date.now() / 1000) };
  return jwt.sign(payload, secret);
}

module.exports = { generateToken };
