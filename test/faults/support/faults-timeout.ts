// Fault runs are long by nature (restarts, kills, a thousand voters); each test sets its own budget too.
jest.setTimeout(600_000);
