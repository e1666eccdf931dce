const express = require('express');
const auth = require('../utils/auth');
const userController = require('../controllers/userController');

const router = express.Router();

router.patch('/:userId', auth('manageUsers'), userController.updateUserHandler);
router.delete('/:userId', userController.deleteUserHandler);
router.get('/', auth('getUsers'), userController.listUsersHandler);

module.exports = router;
