import { expect } from 'vitest';
import { parse, type TestSuites } from 'junit2json';

/** A JUnit report as a JUnit consumer reads it (junit2json, on xml2js). */
export async function readJunit(xml: string): Promise<TestSuites> {
  const parsed = await parse(xml);
  expect(parsed && 'testsuite' in parsed).toBe(true);
  return parsed as TestSuites;
}
