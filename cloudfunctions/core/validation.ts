import type * as z from 'zod';

/** Field path → first problem, so a form can mark the field; messages stay generic Chinese. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // An unknown field is named, so the caller sees which one; other issues carry their path.
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) fields[path.length > 0 ? path.join('.') : '_'] ??= issueMessage(issue);
  }
  return fields;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必填' : '格式不正确';
    case 'too_small':
      return `太短了，至少${String(issue.minimum)}`;
    case 'too_big':
      return `太长了，最多${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return '不支持这个字段';
    case 'invalid_value':
      return '不在可选范围内';
    default:
      return issue.message && /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '格式不正确';
  }
}
