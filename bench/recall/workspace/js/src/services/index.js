module.exports = {
  sessionService: require('./sessionService'),
  tokenService: require('./tokenService'),
  userService: require('./userService'),
};
