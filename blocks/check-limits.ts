import { SLACK_LIMITS as L } from './slack-limits';
import { cutMrkdwn, truncateText } from './truncate';

/** A Home tab view is a modal's shape without a title: 100 blocks. */
type Kind = 'message' | 'modal' | 'home';
type Obj = Record<string, unknown>;

/**
 * Checks a message (or modal view) against Slack's limits and returns one line per violation, e.g.
 * `blocks[3].text.text: 3120 characters, limit 3000`. An empty list means Slack will accept the shape.
 * Used by tests on every message the bot builds, and by the Slack sink before it sends (see `fitSlackLimits`).
 */
export function checkSlackLimits(message: unknown, kind: Kind = 'message'): string[] {
  const problems: string[] = [];
  walk(message, kind, problems, false);
  return problems;
}

/**
 * The message cut down to Slack's limits, with what was cut (in `checkSlackLimits`' words): long texts end in `…`
 * (mrkdwn never cut inside an entity or a `<…>` token), surplus blocks, fields and elements are dropped (a last
 * context block says so), a link button whose URL is too long is dropped. The input is not changed. Problems that
 * cannot be fixed by cutting (a missing text) are only reported.
 */
export function fitSlackLimits<T>(message: T, kind: Kind = 'message'): { message: T; shortened: string[] } {
  const copy = structuredClone(message);
  const shortened: string[] = [];
  walk(copy, kind, shortened, true);
  return { message: copy, shortened };
}

/** One pass over the shape Slack validates; with `fix`, every cut that makes it valid is made in place. */
function walk(message: unknown, kind: Kind, problems: string[], fix: boolean): void {
  const at = (path: string, what: string): void => {
    problems.push(`${path}: ${what}`);
  };
  /** `holder[key]` is a string of at most `max` characters (`mrkdwn` cut as mrkdwn) and not blank. */
  const maxLength = (
    holder: Obj,
    key: string,
    max: number,
    path: string,
    mrkdwn = false,
    required = true,
  ) => {
    const value = holder[key];
    if (value === undefined && !required) return;
    if (typeof value !== 'string') return at(path, 'missing text');
    if (value.length > max) {
      at(path, `${value.length} characters, limit ${max}`);
      if (fix) holder[key] = mrkdwn ? cutMrkdwn(value, max) : truncateText(value, max);
    }
    if (value.trim() === '') at(path, 'empty text (Slack rejects it)');
  };
  const textOf = (holder: Obj, max: number, path: string) =>
    maxLength(record(holder), 'text', max, `${path}.text`, record(holder).type === 'mrkdwn');
  /** `holder[key]` is a list of at most `max` items; cut to `max` (or `max - 1` and `more` saying how many). */
  const maxCount = (
    holder: Obj,
    key: string,
    max: number,
    path: string,
    more?: (hidden: number) => unknown,
  ) => {
    const items = holder[key];
    if (!Array.isArray(items)) return at(path, 'missing list');
    if (items.length <= max) return;
    at(path, `${items.length} items, limit ${max}`);
    if (!fix) return;
    holder[key] = more ? [...items.slice(0, max - 1), more(items.length - max + 1)] : items.slice(0, max);
  };

  const root = record(message);
  if (kind === 'message') {
    if (typeof root.text !== 'string' || root.text.trim() === '') at('text', 'no plain-text fallback');
    else maxLength(root, 'text', L.fallbackText, 'text', true);
  } else if (kind === 'modal') {
    textOf(record(root.title), L.modalTitle, 'title');
  }
  const hiddenBlocks = (hidden: number) => ({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `…${hidden} more block${hidden === 1 ? '' : 's'} not shown` }],
  });
  maxCount(root, 'blocks', kind === 'message' ? L.messageBlocks : L.modalBlocks, 'blocks', hiddenBlocks);

  const charts = list(root.blocks).filter((block) => record(block).type === 'data_visualization');
  if (charts.length > L.chartsPerMessage)
    at('blocks', `${charts.length} data_visualization blocks, limit ${L.chartsPerMessage}`);
  for (const [index, raw] of list(root.blocks).entries()) {
    const block = record(raw);
    const path = `blocks[${index}]`;
    if (typeof block.block_id === 'string') maxLength(block, 'block_id', L.blockId, `${path}.block_id`);
    switch (block.type) {
      case 'header':
        textOf(record(block.text), L.headerText, `${path}.text`);
        if (record(block.text).type !== 'plain_text')
          at(`${path}.text.type`, 'header text must be plain_text');
        break;
      case 'section': {
        if (block.text === undefined && block.fields === undefined) at(path, 'section needs text or fields');
        if (block.text !== undefined) textOf(record(block.text), L.sectionText, `${path}.text`);
        if (block.fields !== undefined) {
          maxCount(block, 'fields', L.sectionFields, `${path}.fields`);
          for (const [i, field] of list(block.fields).entries())
            textOf(record(field), L.fieldText, `${path}.fields[${i}]`);
        }
        if (block.accessory !== undefined && !checkElement(block.accessory, `${path}.accessory`) && fix)
          delete block.accessory;
        break;
      }
      case 'context':
        maxCount(block, 'elements', L.contextElements, `${path}.elements`);
        for (const [i, el] of list(block.elements).entries()) {
          if (record(el).type !== 'image') textOf(record(el), L.contextText, `${path}.elements[${i}]`);
        }
        break;
      case 'actions': {
        maxCount(block, 'elements', L.actionsElements, `${path}.elements`);
        const kept = list(block.elements).filter((el, i) => checkElement(el, `${path}.elements[${i}]`));
        if (fix) block.elements = kept;
        break;
      }
      case 'input':
        textOf(record(block.label), L.inputLabel, `${path}.label`);
        checkElement(block.element, `${path}.element`);
        break;
      case 'image':
        if (typeof block.alt_text !== 'string' || block.alt_text === '')
          at(`${path}.alt_text`, 'images need alt text');
        break;
      case 'data_visualization':
        checkChart(block, path);
        break;
      case 'data_table':
        checkDataTable(block, path);
        break;
      case 'divider':
      case 'rich_text':
      case 'markdown':
      case 'file':
        break;
      default:
        at(`${path}.type`, `unknown block type ${String(block.type)}`);
    }
  }
  if (fix)
    root.blocks = list(root.blocks).filter(
      (block) => record(block).type !== 'actions' || list(record(block).elements).length > 0,
    );

  /** Title, series, categories and labels within the data visualization reference's limits. */
  function checkChart(block: Obj, path: string): void {
    maxLength(block, 'title', L.chartTitle, `${path}.title`);
    const chart = record(block.chart);
    if (chart.type === 'pie') {
      maxCount(chart, 'segments', L.chartSeries, `${path}.chart.segments`);
      return;
    }
    maxCount(chart, 'series', L.chartSeries, `${path}.chart.series`);
    const axis = record(chart.axis_config);
    maxCount(axis, 'categories', L.chartCategories, `${path}.chart.axis_config.categories`);
    for (const [i, category] of list(axis.categories).entries())
      if (String(category).length > L.chartLabel)
        at(`${path}.chart.axis_config.categories[${i}]`, `longer than ${L.chartLabel} characters`);
    for (const [i, series] of list(chart.series).entries()) {
      maxLength(record(series), 'name', L.chartLabel, `${path}.chart.series[${i}].name`);
      maxCount(record(series), 'data', L.chartCategories, `${path}.chart.series[${i}].data`);
    }
  }

  /** 2–101 rows (header included), every row as wide, ≤ 20 columns, a caption, page_size 1–100. */
  function checkDataTable(block: Obj, path: string): void {
    if (typeof block.caption !== 'string' || block.caption === '') at(`${path}.caption`, 'missing caption');
    const rows = list(block.rows);
    if (rows.length < 2) at(`${path}.rows`, 'needs a header row and at least one row');
    maxCount(block, 'rows', L.tableRowsWithHeader, `${path}.rows`);
    const width = list(rows[0]).length;
    if (width > L.tableColumns) at(`${path}.rows[0]`, `${width} columns, limit ${L.tableColumns}`);
    if (rows.some((row) => list(row).length !== width)) at(`${path}.rows`, 'rows of different widths');
    const chars = rows
      .flatMap((row) => list(row))
      .reduce<number>((sum, cell) => sum + String(record(cell).text ?? '').length, 0);
    if (chars > L.tableChars) at(`${path}.rows`, `${chars} characters in all cells, limit ${L.tableChars}`);
    const pageSize = block.page_size;
    if (
      pageSize !== undefined &&
      (typeof pageSize !== 'number' || pageSize < 1 || pageSize > L.tablePageSize)
    )
      at(`${path}.page_size`, `must be 1–${L.tablePageSize}`);
  }

  /** Checks (and with `fix` cuts) one element; false when it must be dropped (a link Slack cannot take). */
  function checkElement(raw: unknown, path: string): boolean {
    const element = record(raw);
    if (typeof element.action_id === 'string')
      maxLength(element, 'action_id', L.actionId, `${path}.action_id`);
    if (element.type === 'button') {
      textOf(record(element.text), L.buttonText, `${path}.text`);
      if (typeof element.value === 'string') maxLength(element, 'value', L.buttonValue, `${path}.value`);
      if (typeof element.url === 'string' && element.url.length > L.url) {
        at(`${path}.url`, `${element.url.length} characters, limit ${L.url}`);
        return false;
      }
    }
    if (Array.isArray(element.options)) {
      maxCount(element, 'options', L.staticSelectOptions, `${path}.options`);
      for (const [i, option] of list(element.options).entries())
        textOf(record(record(option).text), L.optionText, `${path}.options[${i}].text`);
    }
    return true;
  }
}

function record(value: unknown): Obj {
  return typeof value === 'object' && value !== null ? (value as Obj) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
