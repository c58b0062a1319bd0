/** Take the editor to a field named by a problem (a FieldName, or dateline.place and the like), and mark it until the caret leaves. */

/** The body text's editable element. */
export const BODY_SELECTOR = '.body-input[contenteditable]';

export function fieldElement(field: string, root: ParentNode = document): HTMLElement | null {
  if (field === 'body') return root.querySelector<HTMLElement>(BODY_SELECTOR);
  const name = field.startsWith('dateline.') ? field.slice('dateline.'.length) : field;
  return root.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
}

export function focusField(field: string, root: ParentNode = document): boolean {
  const el = fieldElement(field, root);
  if (!el) return false;
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
  const box = el.closest('.field') ?? el.closest('.body-column');
  if (box) {
    box.classList.add('field-marked');
    el.addEventListener('blur', () => box.classList.remove('field-marked'), { once: true });
  }
  return true;
}
