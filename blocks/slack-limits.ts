/** Slack's documented limits for messages and modals (see DESIGN.md "Facts that shape the code"). */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  /** `text` of chat.postMessage is cut by Slack at 40,000; we keep fallbacks far shorter. */
  fallbackText: 4000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  url: 3000,
  modalTitle: 24,
  inputLabel: 2000,
  optionText: 75,
  staticSelectOptions: 100,
  /** data_visualization (docs.slack.dev/reference/block-kit/blocks/data-visualization-block). */
  chartTitle: 50,
  chartSeries: 6,
  chartCategories: 20,
  chartLabel: 20,
  chartsPerMessage: 2,
  /** data_table (docs.slack.dev/reference/block-kit/blocks/data-table-block): header row + 100 rows. */
  tableRowsWithHeader: 101,
  tableColumns: 20,
  tablePageSize: 100,
  /** data_table: the characters of all its cells together ("A single table's character count across all cells"). */
  tableChars: 10_000,
} as const;
