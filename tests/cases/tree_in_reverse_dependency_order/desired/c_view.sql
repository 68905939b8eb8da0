CREATE VIEW rich_accounts AS SELECT id, balance, tier(balance) AS tier FROM accounts WHERE balance > 10000;
