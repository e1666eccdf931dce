const db = require('../utils/db');

async function createSession(userId) {
  const id = Math.random().toString(36).slice(2);
  await db.query('INSERT INTO sessions (id, user_id) VALUES ($1, $2)', [id, userId]);
  return id;
}

module.exports = { createSession };
