import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import twilio from 'twilio';
import { parseTwiml } from './twiml.document';
import { parseXml, XmlSyntaxError } from './xml.parser';

describe('XML and TwiML parsing', () => {
  it('parses what twilio-node builds: declaration, nesting, attributes, entities', () => {
    const response = new twilio.twiml.VoiceResponse();
    response.say({ voice: 'alice' }, 'Fish & chips <cheap>');
    const stream = response.connect({ action: 'https://app.example/after' }).stream({ url: 'wss://app.example/media' });
    stream.parameter({ name: 'who', value: 'O\'Brien "the" <first>' });
    const result = parseTwiml(response.toString(), 'https://app.example/voice');
    assert.ok(result.ok);
    assert.deepEqual(result.verbs, [
      { verb: 'Say', text: 'Fish & chips <cheap>', loop: 1, voice: 'alice', language: undefined },
      {
        verb: 'Connect',
        action: 'https://app.example/after',
        method: 'POST',
        stream: { url: 'wss://app.example/media', name: undefined, statusCallback: undefined, statusCallbackMethod: 'POST', parameters: { who: 'O\'Brien "the" <first>' } },
      },
    ]);
  });

  it('handles comments, CDATA, character references and single quotes', () => {
    const root = parseXml("<?xml version='1.0'?><!-- hi --><Response a='1'><Say><![CDATA[<b>]]> &#65;&#x42;</Say><!-- x --></Response>\n");
    assert.equal(root.name, 'Response');
    assert.equal(root.attributes.a, '1');
    assert.deepEqual(root.children, [{ name: 'Say', attributes: {}, children: [{ text: '<b> AB' }] }]);
  });

  it('refuses malformed documents', () => {
    const bad = [
      '',
      '<Response>',
      '<Response><Say>x</Response>',
      '<Response></Response><Extra/>',
      '<Response a=1/>',
      '<Response a="1" a="2"/>',
      '<Response>fish & chips</Response>',
      '<Response>&bogus;</Response>',
      '<!DOCTYPE x [<!ENTITY e "boom">]><Response/>',
      '<Response><Say a="1"b="2"/></Response>',
      'text<Response/>',
    ];
    for (const source of bad) assert.throws(() => parseXml(source), XmlSyntaxError, source);
  });

  it('resolves relative URLs against the document URL and validates attributes', () => {
    const redirect = parseTwiml('<Response><Redirect method="get">next?step=2</Redirect></Response>', 'https://app.example/flows/voice');
    assert.ok(redirect.ok);
    assert.deepEqual(redirect.verbs[0], { verb: 'Redirect', url: 'https://app.example/flows/next?step=2', method: 'GET' });
    const codeOf = (source: string): number => {
      const result = parseTwiml(source, 'https://app.example/voice');
      return result.ok ? 0 : result.error.code;
    };
    assert.equal(codeOf('<Response><Connect><Stream url="https://not-ws.example"/></Connect></Response>'), 11100);
    assert.equal(codeOf('<Response><Connect><Stream url="wss://x.example" track="both_tracks"/></Connect></Response>'), 31941);
    assert.equal(codeOf('<Response><Connect><Room>r</Room></Connect></Response>'), 12200);
    assert.equal(codeOf('<Response><Pause length="soon"/></Response>'), 12200);
    assert.equal(codeOf('<Response><Redirect/></Response>'), 12200);
    assert.equal(codeOf('<Response>loose text</Response>'), 12200);
    assert.equal(codeOf('<Response><Hangup/></Response>'), 0);
  });
});
