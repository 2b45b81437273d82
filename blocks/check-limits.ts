import { SLACK_LIMITS as L } from './slack-limits';

/**
 * Checks a message (or modal view) against Slack's limits and returns one line per violation, e.g.
 * `blocks[3].text.text: 3120 characters, limit 3000`. An empty list means Slack will accept the shape.
 * Used by tests on every message the bot builds.
 */
export function checkSlackLimits(message: unknown, kind: 'message' | 'modal' = 'message'): string[] {
  const problems: string[] = [];
  const at = (path: string, what: string): void => {
    problems.push(`${path}: ${what}`);
  };
  const maxLength = (value: unknown, max: number, path: string) => {
    if (typeof value !== 'string') return at(path, 'missing text');
    if (value.length > max) at(path, `${value.length} characters, limit ${max}`);
    if (value.trim() === '') at(path, 'empty text (Slack rejects it)');
  };
  const maxCount = (list: unknown, max: number, path: string) => {
    if (!Array.isArray(list)) return at(path, 'missing list');
    if (list.length > max) at(path, `${list.length} items, limit ${max}`);
  };

  const root = record(message);
  if (kind === 'message') {
    if (typeof root.text !== 'string' || root.text.trim() === '') at('text', 'no plain-text fallback');
    else maxLength(root.text, L.fallbackText, 'text');
  } else {
    maxLength(record(root.title).text, L.modalTitle, 'title.text');
  }
  const blocks = Array.isArray(root.blocks) ? root.blocks : [];
  maxCount(blocks, kind === 'message' ? L.messageBlocks : L.modalBlocks, 'blocks');

  blocks.forEach((raw, index) => {
    const block = record(raw);
    const path = `blocks[${index}]`;
    if (typeof block.block_id === 'string' && block.block_id.length > L.blockId)
      at(`${path}.block_id`, `${block.block_id.length} characters, limit ${L.blockId}`);
    switch (block.type) {
      case 'header':
        maxLength(record(block.text).text, L.headerText, `${path}.text.text`);
        if (record(block.text).type !== 'plain_text')
          at(`${path}.text.type`, 'header text must be plain_text');
        break;
      case 'section': {
        if (block.text === undefined && block.fields === undefined) at(path, 'section needs text or fields');
        if (block.text !== undefined) maxLength(record(block.text).text, L.sectionText, `${path}.text.text`);
        if (block.fields !== undefined) {
          maxCount(block.fields, L.sectionFields, `${path}.fields`);
          for (const [i, field] of list(block.fields).entries()) {
            maxLength(record(field).text, L.fieldText, `${path}.fields[${i}].text`);
          }
        }
        if (block.accessory !== undefined) checkElement(block.accessory, `${path}.accessory`);
        break;
      }
      case 'context':
        maxCount(block.elements, L.contextElements, `${path}.elements`);
        list(block.elements).forEach((el, i) => {
          const element = record(el);
          if (element.type !== 'image') maxLength(element.text, L.contextText, `${path}.elements[${i}].text`);
        });
        break;
      case 'actions':
        maxCount(block.elements, L.actionsElements, `${path}.elements`);
        for (const [i, el] of list(block.elements).entries()) checkElement(el, `${path}.elements[${i}]`);
        break;
      case 'input':
        maxLength(record(block.label).text, L.inputLabel, `${path}.label.text`);
        checkElement(block.element, `${path}.element`);
        break;
      case 'image':
        if (typeof block.alt_text !== 'string' || block.alt_text === '')
          at(`${path}.alt_text`, 'images need alt text');
        break;
      case 'divider':
      case 'rich_text':
      case 'markdown':
      case 'file':
        break;
      default:
        at(`${path}.type`, `unknown block type ${String(block.type)}`);
    }
  });
  return problems;

  function checkElement(raw: unknown, path: string): void {
    const element = record(raw);
    if (typeof element.action_id === 'string' && element.action_id.length > L.actionId) {
      at(`${path}.action_id`, `${element.action_id.length} characters, limit ${L.actionId}`);
    }
    if (element.type === 'button') {
      maxLength(record(element.text).text, L.buttonText, `${path}.text.text`);
      if (typeof element.value === 'string' && element.value.length > L.buttonValue) {
        at(`${path}.value`, `${element.value.length} characters, limit ${L.buttonValue}`);
      }
      if (typeof element.url === 'string' && element.url.length > L.url)
        at(`${path}.url`, `${element.url.length} characters, limit ${L.url}`);
    }
    if (Array.isArray(element.options)) {
      maxCount(element.options, L.staticSelectOptions, `${path}.options`);
      for (const [i, option] of element.options.entries()) {
        maxLength(record(record(option).text).text, L.optionText, `${path}.options[${i}].text.text`);
      }
    }
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
