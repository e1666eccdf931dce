import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { classifyError, emptyAnswerMessage, errorMessage, noModelMessage } from '../../../src/core/errors/classifyError';

describe('model errors', () => {
  test('R13: no model at all says how to get one', () => {
    assert.match(noModelMessage(), /No language model is available\. Install and sign in to GitHub Copilot/);
  });

  test('R14: NoPermissions explains consent and suggests retrying', () => {
    const kind = classifyError({ name: 'LanguageModelError', code: 'NoPermissions', message: 'x' });
    assert.equal(kind, 'noPermissions');
    assert.match(errorMessage(kind, 'Fake', undefined) ?? '', /needs your consent\. Run the request again and choose Allow/);
  });

  test('R15: Blocked, quota and rate limits say to try later', () => {
    assert.equal(classifyError({ code: 'Blocked' }), 'blocked');
    assert.equal(classifyError({ message: 'You have exceeded your quota' }), 'rateLimited');
    assert.equal(classifyError({ code: 'Blocked', message: 'Rate limit exceeded (429)' }), 'rateLimited');
    assert.match(errorMessage('blocked', 'Fake', undefined) ?? '', /Try again later/);
    assert.match(errorMessage('rateLimited', 'Fake', undefined) ?? '', /Try again in a few minutes/);
  });

  test('R16: NotFound and "model not supported" suggest another model', () => {
    assert.equal(classifyError({ code: 'NotFound' }), 'notFound');
    assert.equal(classifyError({ message: 'Model is not supported for this request' }), 'notFound');
    assert.match(errorMessage('notFound', 'Fake', undefined) ?? '', /Choose another model/);
  });

  test('R18: an empty answer asks to try again', () => {
    assert.equal(emptyAnswerMessage('Fake'), 'Fake sent no answer. Try again, or choose another model.');
  });

  test('R20: cancellation is quiet, whatever was thrown', () => {
    assert.equal(classifyError({ name: 'Canceled', message: 'Canceled' }), 'cancelled');
    assert.equal(classifyError({ code: 'NoPermissions', cancelled: true }), 'cancelled');
    assert.equal(errorMessage('cancelled', 'Fake', 'x'), undefined);
  });

  test('unknown errors keep only their first line, never a stack', () => {
    const message = errorMessage(classifyError({ message: 'boom\n    at foo (x.js:1:1)' }), 'Fake', 'boom\n    at foo (x.js:1:1)');
    assert.equal(message, 'Fake failed: boom');
  });

  test('a too-large request is recognised', () => {
    assert.equal(classifyError({ message: "This model's maximum context length is 8192 tokens" }), 'tooLarge');
  });

  test('a DNS failure is the network, not a missing model', () => {
    assert.equal(classifyError({ message: 'getaddrinfo ENOTFOUND api.example.com' }), 'offline');
    assert.equal(classifyError({ message: 'Model not found' }), 'notFound');
  });
});

describe('token calibration', () => {
  test('a count no tokenizer could give is not believed: at most six characters per token', async () => {
    const { calibratedCharsPerToken } = await import('../../../src/core/budget/budgetPolicy');
    assert.equal(calibratedCharsPerToken(1_000_000, 1, 3.5), 6);
    assert.equal(calibratedCharsPerToken(1000, 1000, 3.5), 0.95);
    assert.equal(calibratedCharsPerToken(1000, 0, 3.5), 3.5);
  });
});
