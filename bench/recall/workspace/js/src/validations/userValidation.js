const Joi = require('joi');

const updateUser = {
  body: Joi.object().keys({
    email: Joi.string().email(),
    name: Joi.string(),
    role: Joi.string(),
  }),
};

module.exports = { updateUser };
