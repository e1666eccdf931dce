const { sessionService } = require('../services');

async function startSessionHandler(req, res) {
  const sessionId = await sessionService.createSession(req.body.userId);
  res.cookie('sid', sessionId);
  res.status(201).send();
}

module.exports = { startSessionHandler };
