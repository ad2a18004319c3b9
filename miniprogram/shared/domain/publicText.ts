/**
 * Free text residents wrote, as the public may read it (after moderation): mobile and landline
 * numbers, ID card numbers and e-mail addresses are masked, whatever the writer put in.
 */
const PATTERNS: Array<[RegExp, string]> = [
  // 18-digit ID card numbers (the last may be X) and 15-digit old ones.
  [/(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)/g, '[身份证号已隐去]'],
  // Mainland mobile numbers, with or without +86 and separators.
  [/(?:\+?86[\s-]?)?(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g, '[电话已隐去]'],
  // Landlines: area code and number.
  [/(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g, '[电话已隐去]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[邮箱已隐去]'],
];

export function maskPersonalDetails(text: string): string {
  return PATTERNS.reduce((masked, [pattern, replacement]) => masked.replace(pattern, replacement), text);
}
