import { describe, expect, it } from 'vitest';
import { checkSlackLimits, fitSlackLimits } from '../../blocks/check-limits';
import { SLACK_LIMITS as L } from '../../blocks/slack-limits';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'button',
  text: { type: 'plain_text', text },
  action_id: 'go',
  ...extra,
});
const message = (...blocks: unknown[]) => ({ text: 'fallback', blocks });

describe('checkSlackLimits on a valid message', () => {
  it('finds nothing wrong with a message that uses every block type at its limits', () => {
    // Prepare
    const valid = {
      text: 'x'.repeat(L.fallbackText),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(L.headerText) } },
        section('s'.repeat(L.sectionText)),
        {
          type: 'section',
          fields: Array.from({ length: L.sectionFields }, () => ({
            type: 'mrkdwn',
            text: 'f'.repeat(L.fieldText),
          })),
          accessory: button('b'.repeat(L.buttonText)),
        },
        {
          type: 'context',
          elements: Array.from({ length: L.contextElements }, () => ({ type: 'mrkdwn', text: 'c' })),
        },
        {
          type: 'actions',
          block_id: 'b'.repeat(L.blockId),
          elements: Array.from({ length: L.actionsElements }, (_, i) =>
            button(`b${i}`, { action_id: 'a'.repeat(L.actionId), value: 'v'.repeat(L.buttonValue) }),
          ),
        },
        { type: 'image', image_url: 'https://example.com/x.png', alt_text: 'chart' },
        { type: 'divider' },
        ...Array.from({ length: L.messageBlocks - 7 }, () => ({ type: 'divider' })),
      ],
    };

    // Act / Assess
    expect(checkSlackLimits(valid)).toEqual([]);
  });
});

const violations: [string, unknown, string][] = [
  ['no fallback text', { blocks: [] }, 'text: no plain-text fallback'],
  ['a blank fallback text', { text: '  ', blocks: [] }, 'text: no plain-text fallback'],
  [
    'a fallback text over the limit',
    { text: 'x'.repeat(L.fallbackText + 1), blocks: [] },
    'text: 4001 characters, limit 4000',
  ],
  [
    '51 blocks',
    message(...Array.from({ length: 51 }, () => ({ type: 'divider' }))),
    'blocks: 51 items, limit 50',
  ],
  [
    'section text of 3001',
    message(section('s'.repeat(3001))),
    'blocks[0].text.text: 3001 characters, limit 3000',
  ],
  ['an empty section text', message(section(' ')), 'blocks[0].text.text: empty text (Slack rejects it)'],
  [
    'a section with neither text nor fields',
    message({ type: 'section' }),
    'blocks[0]: section needs text or fields',
  ],
  [
    'header of 151',
    message({ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }),
    'blocks[0].text.text: 151 characters, limit 150',
  ],
  [
    'a mrkdwn header',
    message({ type: 'header', text: { type: 'mrkdwn', text: 'h' } }),
    'blocks[0].text.type: header text must be plain_text',
  ],
  [
    '11 fields',
    message({ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }),
    'blocks[0].fields: 11 items, limit 10',
  ],
  [
    'a field of 2001',
    message({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: 'a' },
        { type: 'mrkdwn', text: 'f'.repeat(2001) },
      ],
    }),
    'blocks[0].fields[1].text: 2001 characters, limit 2000',
  ],
  [
    '11 context elements',
    message({
      type: 'context',
      elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })),
    }),
    'blocks[0].elements: 11 items, limit 10',
  ],
  [
    '26 action elements',
    message({ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(`b${i}`)) }),
    'blocks[0].elements: 26 items, limit 25',
  ],
  [
    'button text of 76',
    message({ type: 'actions', elements: [button('b'.repeat(76))] }),
    'blocks[0].elements[0].text.text: 76 characters, limit 75',
  ],
  [
    'button value of 2001',
    message({ type: 'actions', elements: [button('ok', { value: 'v'.repeat(2001) })] }),
    'blocks[0].elements[0].value: 2001 characters, limit 2000',
  ],
  [
    'action_id of 256',
    message({ type: 'actions', elements: [button('ok', { action_id: 'a'.repeat(256) })] }),
    'blocks[0].elements[0].action_id: 256 characters, limit 255',
  ],
  [
    'block_id of 256',
    message({ type: 'divider', block_id: 'b'.repeat(256) }),
    'blocks[0].block_id: 256 characters, limit 255',
  ],
  [
    'an accessory button of 76',
    message({ ...section('s'), accessory: button('b'.repeat(76)) }),
    'blocks[0].accessory.text.text: 76 characters, limit 75',
  ],
  [
    'a button URL of 3001',
    message({ type: 'actions', elements: [button('ok', { url: `https://x/${'u'.repeat(2991)}` })] }),
    'blocks[0].elements[0].url: 3001 characters, limit 3000',
  ],
  [
    '101 select options',
    message({
      ...section('s'),
      accessory: {
        type: 'static_select',
        action_id: 'pick',
        options: Array.from({ length: 101 }, (_, i) => ({
          text: { type: 'plain_text', text: `o${i}` },
          value: `${i}`,
        })),
      },
    }),
    'blocks[0].accessory.options: 101 items, limit 100',
  ],
  [
    'an option text of 76',
    message({
      ...section('s'),
      accessory: {
        type: 'static_select',
        action_id: 'pick',
        options: [{ text: { type: 'plain_text', text: 'o'.repeat(76) }, value: '1' }],
      },
    }),
    'blocks[0].accessory.options[0].text.text: 76 characters, limit 75',
  ],
  [
    'an image without alt text',
    message({ type: 'image', image_url: 'https://x/y.png' }),
    'blocks[0].alt_text: images need alt text',
  ],
  [
    'an unknown block type',
    message({ type: 'sectoin', text: { type: 'mrkdwn', text: 'x' } }),
    'blocks[0].type: unknown block type sectoin',
  ],
];

describe('checkSlackLimits catches each limit with its path', () => {
  it.each(violations)('reports %s', (_label, candidate, expected) => {
    // Act
    const problems = checkSlackLimits(candidate);

    // Assess
    expect(problems).toContain(expected);
  });

  it('points at the right block in a long message', () => {
    const candidate = message(section('ok'), { type: 'divider' }, section('s'.repeat(3001)));

    expect(checkSlackLimits(candidate)).toEqual(['blocks[2].text.text: 3001 characters, limit 3000']);
  });
});

describe('checkSlackLimits on modals', () => {
  it('accepts 100 blocks and a 24-character title', () => {
    const modal = {
      type: 'modal',
      title: { type: 'plain_text', text: 't'.repeat(24) },
      blocks: Array.from({ length: 100 }, () => ({ type: 'divider' })),
    };

    expect(checkSlackLimits(modal, 'modal')).toEqual([]);
  });

  it('reports a title of 25, 101 blocks and an input label of 2001', () => {
    const modal = {
      type: 'modal',
      title: { type: 'plain_text', text: 't'.repeat(25) },
      blocks: [
        {
          type: 'input',
          label: { type: 'plain_text', text: 'l'.repeat(2001) },
          element: { type: 'plain_text_input', action_id: 'in' },
        },
        ...Array.from({ length: 100 }, () => ({ type: 'divider' })),
      ],
    };

    expect(checkSlackLimits(modal, 'modal')).toEqual([
      'title.text: 25 characters, limit 24',
      'blocks: 101 items, limit 100',
      'blocks[0].label.text: 2001 characters, limit 2000',
    ]);
  });
});

describe('fitSlackLimits: what the Slack sink sends instead of a message Slack would refuse', () => {
  /** What cutting cannot repair: a text that is missing or blank, or a shape that is wrong. */
  const unfixable = /missing|empty|no plain-text|needs text|unknown block|must be plain_text|alt text/;

  it.each(violations)('repairs %s by cutting, or leaves it reported', (_label, candidate, expected) => {
    const fitted = fitSlackLimits(candidate);

    expect(fitted.shortened).toContain(expected);
    expect(checkSlackLimits(fitted.message).filter((problem) => !unfixable.test(problem))).toEqual([]);
  });

  it('leaves the input as it was and a valid message unchanged', () => {
    const valid = message(section('fine'));
    const huge = message(section('x'.repeat(L.sectionText + 1)));

    expect(fitSlackLimits(valid)).toEqual({ message: valid, shortened: [] });
    fitSlackLimits(huge);
    expect(checkSlackLimits(huge)).toEqual(['blocks[0].text.text: 3001 characters, limit 3000']);
  });

  it('says how many blocks it left out, in the last block', () => {
    const fitted = fitSlackLimits(message(...Array.from({ length: 70 }, (_, i) => section(`s${i}`))));

    expect(fitted.message.blocks).toHaveLength(L.messageBlocks);
    expect(JSON.stringify(fitted.message.blocks.at(-1))).toContain('…21 more blocks not shown');
  });
});
