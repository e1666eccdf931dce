const db = require('../utils/db');

async function updateUserById(userId, updateBody) {
  const user = await db.users.findById(userId);
  if (!user) {
    throw new Error('User not found');
  }
  Object.assign(user, updateBody);
  await user.save();
  return user;
}

async function deleteUserById(userId) {
  await db.users.deleteOne({ _id: userId });
}

module.exports = { updateUserById, deleteUserById };
