import { foldVi } from '@caunoi/shared';

/** A Select's search on its options' labels, with or without Vietnamese tone marks. */
export const searchLabels = {
  filterOption: (input: string, option?: { label?: unknown }) =>
    foldVi(String(option?.label ?? '')).includes(foldVi(input.trim())),
};
