import { createTheme, type MantineColorsTuple } from '@mantine/core';

const fanfare: MantineColorsTuple = [
  '#fff0f6', '#ffdeeb', '#fbb9d3', '#f692ba', '#f06ea3', '#ed5795', '#ec4a8e', '#d23a7b', '#bc306d', '#a5225f',
];

export const theme = createTheme({
  primaryColor: 'fanfare',
  colors: { fanfare },
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
});
