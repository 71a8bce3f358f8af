import { describe, expect, it } from 'vitest';
import { ACTIONS_PAGE_SIZE, actionFiltersFrom, actionsHref } from './action-filters.ts';

const filters = (query: string) => actionFiltersFrom(new URLSearchParams(query));

describe('the Actions list filters in the address', () => {
  it('lists ongoing Actions unless completed or all are asked for', () => {
    expect(filters('')).toEqual({ status: 'ongoing', page: 1, pageSize: ACTIONS_PAGE_SIZE });
    expect(filters('status=completed').status).toBe('completed');
    expect(filters('status=all')).not.toHaveProperty('status');
  });

  it('keeps valid filters and drops what the API would refuse', () => {
    expect(filters('topic=thb&region=lac&country=PE&q=%20Peru%20&page=2')).toEqual({
      status: 'ongoing',
      topic: 'thb',
      region: 'lac',
      country: 'PE',
      q: 'Peru',
      page: 2,
      pageSize: ACTIONS_PAGE_SIZE,
    });
    expect(filters('topic=THB!&country=peru&page=-3&q=')).toEqual({
      status: 'ongoing',
      page: 1,
      pageSize: ACTIONS_PAGE_SIZE,
    });
  });

  it('makes equal keys for equal filters, whatever their order in the address', () => {
    expect(JSON.stringify(filters('topic=thb&region=lac'))).toBe(
      JSON.stringify(filters('region=lac&topic=thb')),
    );
  });

  it('links to another page, and back to the first one when a filter changes', () => {
    const search = new URLSearchParams('topic=thb&page=3');
    expect(actionsHref(search, { page: 4 })).toBe('/actions?topic=thb&page=4');
    expect(actionsHref(search, { page: 1 })).toBe('/actions?topic=thb');
    expect(actionsHref(search, { region: 'asia' })).toBe('/actions?topic=thb&region=asia');
  });
});
