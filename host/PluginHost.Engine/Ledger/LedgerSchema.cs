namespace PluginHost.Engine.Ledger;

/// <summary>
/// The ledger schema as numbered migrations; the store applies the missing ones in order and records each in
/// <c>schema_version</c>. A shipped migration is never edited: a change is a new migration.
/// </summary>
internal static class LedgerSchema
{
    /// <summary>Migrations by version, starting at 1.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE batch (
            id            INTEGER PRIMARY KEY,
            plugin        TEXT    NOT NULL,
            file_name     TEXT    NOT NULL,
            file_sha256   TEXT    NOT NULL,
            sheet         TEXT    NOT NULL,
            user_name     TEXT    NOT NULL,
            created_at    TEXT    NOT NULL, -- ISO 8601, UTC
            line_count    INTEGER NOT NULL,
            status        TEXT    NOT NULL CHECK (status IN ('posted', 'rejected')),
            workflow      TEXT    NOT NULL,
            rules_sha256  TEXT    NOT NULL
        );
        -- The same file (by content) is posted at most once.
        CREATE UNIQUE INDEX batch_posted_file ON batch (file_sha256) WHERE status = 'posted';

        CREATE TABLE batch_message (
            batch       INTEGER NOT NULL REFERENCES batch (id),
            seq         INTEGER NOT NULL,
            severity    TEXT    NOT NULL,
            code        TEXT    NOT NULL,
            sheet       TEXT,
            row         INTEGER,
            column_name TEXT,
            cell        TEXT,
            rule        TEXT,
            message     TEXT    NOT NULL,
            PRIMARY KEY (batch, seq)
        );

        CREATE TABLE item_entry (
            entry_no            INTEGER PRIMARY KEY,
            batch               INTEGER NOT NULL REFERENCES batch (id),
            row                 INTEGER NOT NULL,
            posting_date        TEXT    NOT NULL, -- yyyy-MM-dd
            entry_type          TEXT    NOT NULL CHECK (entry_type IN ('Output', 'Sale')),
            document_no         TEXT    NOT NULL,
            item_no             TEXT    NOT NULL,
            prod_order_no       TEXT,
            customer_no         TEXT,
            quantity            INTEGER NOT NULL, -- in 1/100000 units
            remaining_quantity  INTEGER NOT NULL, -- in 1/100000 units
            open                INTEGER NOT NULL CHECK (open IN (0, 1)),
            applies_to_entry    INTEGER REFERENCES item_entry (entry_no),
            CHECK (remaining_quantity >= 0 AND remaining_quantity <= abs(quantity)),
            CHECK (open = (remaining_quantity <> 0))
        );
        CREATE INDEX item_entry_batch ON item_entry (batch);

        CREATE TABLE capacity_entry (
            entry_no           INTEGER PRIMARY KEY,
            batch              INTEGER NOT NULL REFERENCES batch (id),
            row                INTEGER NOT NULL,
            posting_date       TEXT    NOT NULL, -- yyyy-MM-dd
            document_no        TEXT    NOT NULL,
            prod_order_no      TEXT    NOT NULL,
            operation_no       TEXT    NOT NULL,
            item_no            TEXT    NOT NULL,
            run_time           INTEGER NOT NULL, -- in 1/100000 units
            output_quantity    INTEGER NOT NULL, -- in 1/100000 units
            item_entry_no      INTEGER NOT NULL REFERENCES item_entry (entry_no),
            reverses_entry_no  INTEGER REFERENCES capacity_entry (entry_no)
        );
        CREATE INDEX capacity_entry_batch ON capacity_entry (batch);
        CREATE INDEX capacity_entry_item ON capacity_entry (item_entry_no);
        CREATE INDEX capacity_entry_reverses ON capacity_entry (reverses_entry_no);

        -- A capacity entry is reversed at most up to its run time and output, whatever a plugin posts.
        CREATE TRIGGER capacity_reversal_within_original
        BEFORE INSERT ON capacity_entry
        WHEN NEW.reverses_entry_no IS NOT NULL
        BEGIN
            SELECT RAISE(ABORT, 'capacity reversal exceeds the original entry')
            WHERE (SELECT run_time FROM capacity_entry WHERE entry_no = NEW.reverses_entry_no)
                  + (SELECT coalesce(sum(run_time), 0) FROM capacity_entry WHERE reverses_entry_no = NEW.reverses_entry_no)
                  + NEW.run_time < 0
               OR (SELECT output_quantity FROM capacity_entry WHERE entry_no = NEW.reverses_entry_no)
                  + (SELECT coalesce(sum(output_quantity), 0) FROM capacity_entry WHERE reverses_entry_no = NEW.reverses_entry_no)
                  + NEW.output_quantity < 0;
        END;
        """,
        """
        -- Migration 2: customers, sales invoices, credit notes (return-credit), number series.
        CREATE TABLE number_series (
            series  TEXT    PRIMARY KEY,
            last_no INTEGER NOT NULL
        );

        CREATE TABLE customer_entry (
            entry_no                INTEGER PRIMARY KEY,
            batch                   INTEGER NOT NULL REFERENCES batch (id),
            row                     INTEGER NOT NULL,
            posting_date            TEXT    NOT NULL, -- yyyy-MM-dd
            customer_no             TEXT    NOT NULL,
            document_type           TEXT    NOT NULL CHECK (document_type IN ('Invoice', 'CreditMemo')),
            document_no             TEXT    NOT NULL,
            amount                  INTEGER NOT NULL, -- in cents
            remaining_amount        INTEGER NOT NULL, -- in cents
            applies_to_document_no  TEXT,
            rma_no                  TEXT,
            reason_code             TEXT,
            -- A credit never exceeds what was invoiced: an invoice's remaining amount stays between 0 and its amount.
            CHECK (document_type <> 'Invoice' OR (amount >= 0 AND remaining_amount BETWEEN 0 AND amount)),
            CHECK (document_type <> 'CreditMemo' OR (amount <= 0 AND applies_to_document_no IS NOT NULL AND remaining_amount = 0))
        );
        CREATE INDEX customer_entry_batch ON customer_entry (batch);
        CREATE UNIQUE INDEX customer_entry_invoice ON customer_entry (document_no) WHERE document_type = 'Invoice';

        CREATE TABLE sales_invoice (
            invoice_no    TEXT    PRIMARY KEY,
            batch         INTEGER NOT NULL REFERENCES batch (id),
            row           INTEGER NOT NULL,
            order_no      TEXT    NOT NULL,
            customer_no   TEXT    NOT NULL,
            posting_date  TEXT    NOT NULL,
            amount        INTEGER NOT NULL -- in cents
        );
        CREATE INDEX sales_invoice_batch ON sales_invoice (batch);

        CREATE TABLE sales_invoice_line (
            invoice_no         TEXT    NOT NULL REFERENCES sales_invoice (invoice_no),
            line_no            INTEGER NOT NULL,
            batch              INTEGER NOT NULL REFERENCES batch (id),
            row                INTEGER NOT NULL,
            item_no            TEXT    NOT NULL,
            quantity           INTEGER NOT NULL, -- in 1/100000 units
            unit_price         INTEGER NOT NULL, -- in cents
            amount             INTEGER NOT NULL, -- in cents
            returned_quantity  INTEGER NOT NULL, -- in 1/100000 units
            item_entry_no      INTEGER NOT NULL REFERENCES item_entry (entry_no),
            PRIMARY KEY (invoice_no, line_no),
            CHECK (quantity > 0 AND returned_quantity BETWEEN 0 AND quantity)
        );

        CREATE TABLE credit_note (
            credit_note_no   TEXT    PRIMARY KEY,
            batch            INTEGER NOT NULL REFERENCES batch (id),
            row              INTEGER NOT NULL,
            return_order_no  TEXT    NOT NULL,
            rma_no           TEXT    NOT NULL,
            customer_no      TEXT    NOT NULL,
            posting_date     TEXT    NOT NULL,
            amount           INTEGER NOT NULL CHECK (amount <= 0) -- in cents
        );
        CREATE INDEX credit_note_batch ON credit_note (batch);

        CREATE TABLE credit_note_line (
            credit_note_no   TEXT    NOT NULL REFERENCES credit_note (credit_note_no),
            line_no          INTEGER NOT NULL,
            batch            INTEGER NOT NULL REFERENCES batch (id),
            row              INTEGER NOT NULL,
            invoice_no       TEXT    NOT NULL,
            invoice_line_no  INTEGER NOT NULL,
            item_no          TEXT    NOT NULL,
            quantity         INTEGER NOT NULL CHECK (quantity < 0), -- in 1/100000 units
            unit_price       INTEGER NOT NULL, -- in cents
            amount           INTEGER NOT NULL CHECK (amount <= 0), -- in cents
            reason_code      TEXT,
            item_entry_no    INTEGER NOT NULL REFERENCES item_entry (entry_no),
            PRIMARY KEY (credit_note_no, line_no),
            FOREIGN KEY (invoice_no, invoice_line_no) REFERENCES sales_invoice_line (invoice_no, line_no)
        );
        CREATE INDEX credit_note_line_invoice ON credit_note_line (invoice_no, invoice_line_no);

        -- An entry is applied to (reversed, returned) at most up to its own quantity, whatever a plugin posts.
        CREATE TRIGGER item_application_within_original
        BEFORE INSERT ON item_entry
        WHEN NEW.applies_to_entry IS NOT NULL
        BEGIN
            SELECT RAISE(ABORT, 'item entries applied to one entry exceed its quantity')
            WHERE (SELECT abs(quantity) FROM item_entry WHERE entry_no = NEW.applies_to_entry)
                  < abs(NEW.quantity) + (SELECT coalesce(sum(abs(quantity)), 0) FROM item_entry WHERE applies_to_entry = NEW.applies_to_entry);
        END;
        """,
        """
        -- Migration 3: project invoices and actuals (invoice-correction).
        CREATE TABLE project_invoice (
            invoice_no           TEXT    PRIMARY KEY,
            batch                INTEGER NOT NULL REFERENCES batch (id),
            row                  INTEGER NOT NULL,
            project_no           TEXT    NOT NULL,
            customer_no          TEXT    NOT NULL,
            status               TEXT    NOT NULL CHECK (status = 'Confirmed'),
            corrects_invoice_no  TEXT    REFERENCES project_invoice (invoice_no),
            corrected_by         TEXT    REFERENCES project_invoice (invoice_no)
        );
        CREATE INDEX project_invoice_corrects ON project_invoice (corrects_invoice_no);
        CREATE INDEX project_invoice_batch ON project_invoice (batch);

        CREATE TABLE project_actual (
            actual_id           INTEGER PRIMARY KEY,
            batch               INTEGER NOT NULL REFERENCES batch (id),
            row                 INTEGER NOT NULL,
            project_no          TEXT    NOT NULL,
            invoice_no          TEXT    NOT NULL REFERENCES project_invoice (invoice_no),
            invoice_line_no     INTEGER NOT NULL,
            transaction_type    TEXT    NOT NULL CHECK (transaction_type IN ('Time', 'Expense', 'Fee', 'Milestone', 'Material')),
            resource            TEXT    NOT NULL,
            date                TEXT    NOT NULL, -- yyyy-MM-dd
            quantity            INTEGER NOT NULL, -- in 1/100000 units
            unit_price          INTEGER NOT NULL, -- in cents
            amount              INTEGER NOT NULL, -- in cents
            actual_type         TEXT    NOT NULL CHECK (actual_type IN ('BilledSales', 'UnbilledSales')),
            chargeable          INTEGER NOT NULL CHECK (chargeable IN (0, 1)),
            reverses_actual_id  INTEGER REFERENCES project_actual (actual_id),
            correction          INTEGER NOT NULL CHECK (correction IN (0, 1)),
            CHECK (reverses_actual_id IS NULL OR quantity <= 0)
        );
        CREATE INDEX project_actual_batch ON project_actual (batch);
        CREATE INDEX project_actual_line ON project_actual (invoice_no, invoice_line_no);
        -- An actual is reversed at most once.
        CREATE UNIQUE INDEX project_actual_reversed_once ON project_actual (reverses_actual_id) WHERE reverses_actual_id IS NOT NULL;

        -- A reversal takes back exactly what the reversed actual posted, whatever a plugin writes.
        CREATE TRIGGER project_reversal_mirrors_original
        BEFORE INSERT ON project_actual
        WHEN NEW.reverses_actual_id IS NOT NULL
        BEGIN
            SELECT RAISE(ABORT, 'a project reversal must negate the quantity and amount of the actual it reverses, on the same project and invoice line')
            WHERE NOT EXISTS (SELECT 1 FROM project_actual a WHERE a.actual_id = NEW.reverses_actual_id
                              AND a.quantity = -NEW.quantity AND a.amount = -NEW.amount AND a.actual_type = NEW.actual_type
                              AND a.project_no = NEW.project_no AND a.invoice_line_no = NEW.invoice_line_no);
        END;
        """,
        """
        -- Migration 4: the report model of each batch as it stood when posted, so a report rendered later is the same.
        CREATE TABLE batch_report (
            batch  INTEGER PRIMARY KEY REFERENCES batch (id),
            model  TEXT    NOT NULL -- JSON of the report model
        );
        """,
        """
        -- Migration 5: a workbook's journal sheets are posted one at a time (--sheet), so a file is a duplicate only
        -- for the sheet it was posted from.
        DROP INDEX batch_posted_file;
        CREATE UNIQUE INDEX batch_posted_file_sheet ON batch (file_sha256, sheet) WHERE status = 'posted';
        """,
        """
        -- Migration 6: indexes for what every row of a batch asks. The trigger item_application_within_original sums
        -- the entries applied to an entry, which without an index scanned the whole item ledger once per reversal;
        -- customer entries are looked up by document type and number.
        CREATE INDEX item_entry_applies_to ON item_entry (applies_to_entry) WHERE applies_to_entry IS NOT NULL;
        CREATE INDEX customer_entry_document ON customer_entry (document_type, document_no);
        """,
        """
        -- Migration 7: what a journal says, not only its bytes (JournalFingerprint): the same lines saved again by Excel
        -- or converted to CSV are posted at most once. Batches posted before this migration have none.
        ALTER TABLE batch ADD COLUMN content_sha256 TEXT;
        CREATE UNIQUE INDEX batch_posted_content ON batch (plugin, content_sha256) WHERE status = 'posted' AND content_sha256 IS NOT NULL;
        """,
        """
        -- Migration 8: a line with output quantity 0 posts run time to the capacity ledger only, with no item entry; no
        -- entry takes the run time posted on an operation of a production order below zero. SQLite cannot drop a NOT NULL,
        -- so the table is rebuilt (its trigger and indexes with it). Returned goods are back in stock: a return's item
        -- entry, closed when posted before, is open with its quantity remaining (nothing is ever applied to one).
        CREATE TABLE capacity_entry_v8 (
            entry_no           INTEGER PRIMARY KEY,
            batch              INTEGER NOT NULL REFERENCES batch (id),
            row                INTEGER NOT NULL,
            posting_date       TEXT    NOT NULL, -- yyyy-MM-dd
            document_no        TEXT    NOT NULL,
            prod_order_no      TEXT    NOT NULL,
            operation_no       TEXT    NOT NULL,
            item_no            TEXT    NOT NULL,
            run_time           INTEGER NOT NULL, -- in 1/100000 units
            output_quantity    INTEGER NOT NULL, -- in 1/100000 units
            item_entry_no      INTEGER REFERENCES item_entry (entry_no), -- null for run time only
            reverses_entry_no  INTEGER REFERENCES capacity_entry_v8 (entry_no), -- renamed with the table
            CHECK (item_entry_no IS NOT NULL OR output_quantity = 0)
        );
        INSERT INTO capacity_entry_v8 SELECT * FROM capacity_entry;
        DROP TABLE capacity_entry;
        ALTER TABLE capacity_entry_v8 RENAME TO capacity_entry;
        CREATE INDEX capacity_entry_batch ON capacity_entry (batch);
        CREATE INDEX capacity_entry_item ON capacity_entry (item_entry_no);
        CREATE INDEX capacity_entry_reverses ON capacity_entry (reverses_entry_no);
        CREATE INDEX capacity_entry_operation ON capacity_entry (prod_order_no, operation_no);

        -- SQLite runs the newest trigger first: the reversal's own limit, the more telling message, is checked first.
        CREATE TRIGGER capacity_operation_run_time_not_below_zero
        BEFORE INSERT ON capacity_entry
        WHEN NEW.run_time < 0
        BEGIN
            SELECT RAISE(ABORT, 'run time posted on the operation would fall below zero')
            WHERE (SELECT coalesce(sum(run_time), 0) FROM capacity_entry WHERE prod_order_no = NEW.prod_order_no AND operation_no = NEW.operation_no)
                  + NEW.run_time < 0;
        END;

        CREATE TRIGGER capacity_reversal_within_original
        BEFORE INSERT ON capacity_entry
        WHEN NEW.reverses_entry_no IS NOT NULL
        BEGIN
            SELECT RAISE(ABORT, 'capacity reversal exceeds the original entry')
            WHERE (SELECT run_time FROM capacity_entry WHERE entry_no = NEW.reverses_entry_no)
                  + (SELECT coalesce(sum(run_time), 0) FROM capacity_entry WHERE reverses_entry_no = NEW.reverses_entry_no)
                  + NEW.run_time < 0
               OR (SELECT output_quantity FROM capacity_entry WHERE entry_no = NEW.reverses_entry_no)
                  + (SELECT coalesce(sum(output_quantity), 0) FROM capacity_entry WHERE reverses_entry_no = NEW.reverses_entry_no)
                  + NEW.output_quantity < 0;
        END;

        UPDATE item_entry SET remaining_quantity = quantity, open = 1
        WHERE entry_type = 'Sale' AND quantity > 0 AND applies_to_entry IS NOT NULL AND remaining_quantity = 0;
        """,
    ];
}
