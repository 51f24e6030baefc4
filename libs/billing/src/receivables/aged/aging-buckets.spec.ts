import { bucketOf, bucketSql } from './aging-buckets';

describe('ageing buckets', () => {
  it('not due up to the due date, then 1–30, 31–60, 61–90 and over 90 days overdue', () => {
    expect([-5, 0, 1, 30, 31, 60, 61, 90, 91, 4000].map(bucketOf)).toEqual(['not_due', 'not_due', '1_30', '1_30', '31_60', '31_60', '61_90', '61_90', 'over_90', 'over_90']);
  });

  it('the SQL CASE has the same bounds', () => {
    expect(bucketSql('d')).toBe("CASE WHEN d <= 0 THEN 'not_due' WHEN d <= 30 THEN '1_30' WHEN d <= 60 THEN '31_60' WHEN d <= 90 THEN '61_90' ELSE 'over_90' END");
  });
});
