const userService = require('../services/userService');
const { updateUser } = require('../validations/userValidation');
const pick = require('../utils/pick');

async function updateUserHandler(req, res) {
  const { error } = updateUser.body.validate(req.body);
  if (error) return res.status(400).send({ message: error.message });
  const user = await userService.updateUserById(req.params.userId, req.body);
  res.send(user);
}

async function deleteUserHandler(req, res) {
  await userService.deleteUserById(req.params.userId);
  res.status(204).send();
}

async function listUsersHandler(req, res) {
  const filter = pick(req.query, ['name', 'role']);
  const limit = clampLimit(req.query.limit);
  res.send({ filter, limit });
}

function clampLimit(raw) {
  return parseInt(raw, 10);
}

module.exports = { updateUserHandler, deleteUserHandler, listUsersHandler };
