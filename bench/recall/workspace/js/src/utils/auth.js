function auth(right) {
  return (req, res, next) => {
    if (!req.user || !req.user.rights.includes(right)) return res.status(403).send();
    next();
  };
}

module.exports = auth;
