import { generateToken } from '../services/tokenService';

export async function loginHandler(req, res) {
  const { userId } = req.body;
  const token = generateToken(userId, process.env.JWT_SECRET);
  res.send({ token });
}
