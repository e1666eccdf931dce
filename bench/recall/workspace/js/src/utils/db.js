const users = {
  async findById(id) {
    return { id, save: async () => undefined };
  },
  async deleteOne() {
    return undefined;
  },
};

module.exports = { users };
