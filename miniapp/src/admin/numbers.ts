// Numbers and money as the desk writes them: free of imports, so its unit test shares it.

// Grouped by thousands as both of the desk's languages write numbers (1,234,567).
const counts = new Intl.NumberFormat('zh-CN');
const cents = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A count with thousands separators (8542 → "8,542"). */
export const countText = (n: number): string => counts.format(n);

/** Fen as yuan with the cents, for the desk's tables (123450 → "1,234.50"). */
export const yuanText = (fen: number): string => cents.format(fen / 100);

/** Fen as money standing alone (123450 → "¥1,234.50"). */
export const moneyText = (fen: number): string => `¥${yuanText(fen)}`;
