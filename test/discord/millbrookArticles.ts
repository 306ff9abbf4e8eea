import type { Article } from '../../src/facts.ts';

/**
 * A made-up case written for these tests (no outlet's text): a warehouse fire, one defendant, a
 * prosecutor and a defence lawyer who are quoted, and dates to schedule.
 */
export const MILLBROOK = {
  name: 'Millbrook warehouse fire',
  slug: 'millbrook-warehouse-fire',
  aliases: 'Millbrook fire',
  defendants: 'Daniel Okafor',
};

export const millbrookArticles: Array<Article & { outlet: string }> = [
  {
    url: 'https://example-news.test/millbrook-charged',
    title: 'Warehouse owner charged over Millbrook fire',
    published: '2025-03-03',
    outlet: 'Example News',
    text:
      'Daniel Okafor, the owner of the Millbrook warehouse, was charged on Friday with involuntary manslaughter over the fire that killed two workers. ' +
      'Okafor faces up to 18 months in prison if convicted, prosecutors said. ' +
      'District Attorney Helen Marsh said in a statement: "The workers of Millbrook deserved a safe place to work and we will prove it in court." ' +
      'A preliminary hearing is scheduled for April 14, 2025.',
  },
  {
    url: 'https://other-paper.test/millbrook-lawyer',
    title: 'Millbrook owner hires lawyer',
    published: '2025-03-10',
    outlet: 'Other Paper',
    text:
      'Daniel Okafor has hired defense attorney Victor Lindqvist to fight the involuntary manslaughter charge over the Millbrook warehouse fire. ' +
      'Lindqvist said: "My client is devastated by this tragedy and he will plead not guilty."',
  },
  {
    url: 'https://other-paper.test/millbrook-hearing',
    title: 'Millbrook fire case heads to trial',
    published: '2025-04-15',
    outlet: 'Other Paper',
    text:
      'A judge ruled on Monday that there is enough evidence for Daniel Okafor to stand trial over the Millbrook warehouse fire. ' +
      'The trial is scheduled to begin on September 8, 2025, Judge Ruth Abernathy said. ' +
      '"We look forward to showing the jury what really happened that night," defense attorney Victor Lindqvist told reporters outside the courthouse.',
  },
  {
    url: 'https://example-news.test/millbrook-bail',
    title: 'Millbrook owner released on bail',
    published: '2025-03-05',
    outlet: 'Example News',
    text:
      'Daniel Okafor was released on $50,000 bail on Tuesday after his arraignment in the Millbrook warehouse fire case. ' +
      'Okafor pleaded not guilty to involuntary manslaughter at the arraignment.',
  },
  {
    url: 'https://third-wire.test/millbrook-motion',
    title: 'Defense seeks dismissal in Millbrook case',
    published: '2025-05-02',
    outlet: 'Third Wire',
    text:
      'Defense attorney Victor Lindqvist filed a motion on Tuesday to dismiss the involuntary manslaughter charge against Daniel Okafor. ' +
      'Lindqvist said: "The fire was caused by faulty wiring that my client had reported to the city months before."',
  },
];
