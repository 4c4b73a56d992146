<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Edit action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rea:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the client wants to reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be done, by whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible a&amp;gency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddSiteDialog</name>
    <message>
        <source>Cannot read the identity file %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a trusted site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Ask the other site&apos;s administrator for their identity file (Admin → Trusted sites → Save identity file) and choose it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Phone them and have them read their fingerprint aloud. Type it as you hear it; do not copy it from the file or an e-mail. If the digits differ, do not trust the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint read out by the other site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the other site&apos;s identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity files (*.identity);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the first passphrase to the person in private; they can change it under Settings once signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;epeat passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is too weak.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgenciesDialog</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies and organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact people at the selected agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add agency…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit agency…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;contact person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a contact person at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Lock with unsaved changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some changes are not saved yet. Locking now discards them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock and discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentChart</name>
    <message>
        <source>Ratings per domain (1 = great need of support, 5 = no need)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart of assessment ratings per domain over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentForm</name>
    <message>
        <source>New assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the structured interview used at your unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instrument:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 = great need of support, 5 = no need. Leave a domain at “not rated” to skip it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;omment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the assessment (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentModel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>Attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} could not be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Files are kept encrypted inside the database. A copy you save out is not encrypted: keep it only where the service&apos;s rules allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files are attached to this record yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved a copy as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewed a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed a role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosed to an agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest %1 events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundExchange</name>
    <message>
        <source>Synchronising with the exchange folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unexpected problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not synchronise with the exchange folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing a backup to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the written backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is written and verified: %1 (%2 MB, %3 records). Keep it somewhere safe, away from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup was made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupReminder</name>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has never been backed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last backup was made %1, more than %2 days ago.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>Print plans for upcoming releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released wi&amp;thin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days until release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the PDF files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal copy (the whole plan, for the case file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client&apos;s copy (plain language, no risk section)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency copies are printed one at a time from the client&apos;s record: each needs the client&apos;s consent for that agency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write PDFs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client with a release plan is released within {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 client with a release plan is released within {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} clients with a release plan are released within {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchPrintRun</name>
    <message>
        <source>Print plans for upcoming releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the clients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {done} of {total} release plans…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> {done} release plans were handled before it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client with a release plan is released within these days: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote 1 release plan to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {count} release plans to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: {left} of {total} clients were not handled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before the first plan was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} could not be printed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {count} more (see Show Details).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days to release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next action due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, personal identity number or note text (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;acility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by release date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 clients</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change my passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat the new passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only your own key slot changes; nobody else is affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is too weak.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <source>Welcome to Entré Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database on this computer yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entré Desktop keeps its clients in an encrypted database on this computer. What would you like to do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create a new database for this site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You become its administrator and can add your colleagues afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 invented people, to look around and practise. Nothing in it is real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open an existing database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example one restored from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entré databases (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientRecordWidget</name>
    <message>
        <source>Opening the record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts of the client record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts and meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals and consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is closed while the database is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage: {stage}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record could not be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milieu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or write a new value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choice is saved as a new change and sent with the next bundle, so the conflict is resolved at the other sites too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no open conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a conflict above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed at two sites that had not seen each other&apos;s change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the value from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved. The choice goes to the other sites with the next bundle.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record what the client has agreed to: which agency may receive information, about which areas, and until when. Consent can be withdrawn at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas it may receive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Valid until:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentModel</name>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Log a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client &amp;attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 – withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 – some</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 – fully engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engagement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was discussed and agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this contact to the log (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Contact log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes are never changed. Your correction is saved as a new note linked to the note of {time} by {author}, which stays on record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Correction:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Create the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase you can remember: it cannot be recovered if it is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Site name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Administrator user name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example Anstalten Kumla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example anna.svensson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database will be created at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name of your site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is too weak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardStrip</name>
    <message>
        <source>Releases in 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releases in 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plans awaiting approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk flags due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the clients released in the next 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the clients released in the next 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active risk flags to review within 14 days, overdue ones included</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange folder set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup reminder after days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop client settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be gathered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gathering the report…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database is locked. Unlock it to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your saved work is safe. If it happens again, tell your administrator what you were doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not do that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeFolderDialog</name>
    <message>
        <source>Exchange folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites that share a folder (on a server share or a removable drive) exchange bundles there. Synchronising imports every new bundle for this site, then leaves one bundle for each trusted site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronise &amp;each time the database is unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the synchronisation did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the synchronisation did appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the exchange folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeReport</name>
    <message>
        <source>Imported %1 from %2: %3 records, %4 new conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bundles were imported before and were skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bundles are for other sites or were made here; they were left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1 changes to %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing new to send to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There was nothing to import and nothing to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronised: %1 bundles imported, %2 sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bundles were not imported; see File → Synchronise with exchange folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportBundleDialog</name>
    <message>
        <source>Export bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bundle carries this site&apos;s changes, signed and encrypted so that only the chosen sites can read it. Take it to them on a removable drive or through a shared folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites to send the bundle to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site trusts no other site yet. An administrator adds sites under Admin → Trusted sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes these sites have &amp;not acknowledged yet (normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All changes (for a site that was set up again or lost data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entré bundles (*.entre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Choose another place for the bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There were no new changes for these sites; the bundle still tells them what this site has received.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Entré Desktop: first start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <source>Edit the client&apos;s details and custody. The personal identity number and date of birth cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal identity number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Responsible officer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Protected personal data (the address never leaves the service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special-category data: shown only inside this record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Milieu (sensitive):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Facility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remand prison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probation service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind of facility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentence s&amp;tarts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentence &amp;ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;ditional release:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;upervision ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervis&amp;or:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special &amp;conditions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gradual release:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportBundleDialog</name>
    <message>
        <source>Import bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a bundle file another site made for this site. It is checked first: you see what it would change before anything is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entré bundles (*.entre);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the bundle. Nothing is changed yet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this bundle would change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle holds no changes; importing it records what the other site has received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been changed yet. Choose Import to apply these changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle was not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed in this database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print release plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ynchronise with exchange folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;data about this person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retention review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erase this person&apos;s data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agencies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit &amp;log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trusted sites…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my &amp;passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diagnostics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Entré Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload and open client records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO: invented people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Entré Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entré Desktop %1

Case work, release support plans and offline exchange between sites for the Entré programme of the Swedish Prison and Probation Service.

Qt for Python %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print plans for &amp;upcoming releases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print release plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a client in the caseload, or open a client&apos;s record, to print their release plan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonitoringTab</name>
    <message>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewClientDialog</name>
    <message>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Personal identity number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Facility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN or coordination number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD (conditional release, if known)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteModel</name>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrects the note of {time} by {author}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected on {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Notes, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a note to read it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;rrect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a correction to the selected note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note. Notes cannot be edited or deleted once added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the note (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note corrects the note of {time} by {author}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected on {time} by {author}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationsFiles</name>
    <message>
        <source>Save the backup as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entré Desktop backups (*.entre-backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entré Desktop backups (*.entre-backup);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the register extract as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF and JSON files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationsMenu</name>
    <message>
        <source>Writing the register extract…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data about this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register extract written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review both files for information covered by secrecy before handing them over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stored about the person is erased. The erasure reaches other sites with the next bundle.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>&amp;Edit details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit identity and custody</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Encouragement: goals and progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring: assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust: meetings and engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral: Entré stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal identity number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible officer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milieu (sensitive):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special-category data: shown only inside this record, never in lists, searches or printed copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditional release:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special conditions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradual release:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active risk flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;risk flag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the selected risk flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} actions done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 goal in the current release plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} goals in the current release plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan actions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set goals with the client in the release plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the previous one: {up} domains rated higher, {down} lower, {same} unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier assessment to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean {mean} on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assessed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record an assessment on the Monitoring tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean engagement {value}/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engagement not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 meeting in {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} meetings in {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{missed} missed; {engagement}; last contact {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stage recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordination number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes: protected personal data. Never give out the address or put it on a copy that leaves the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No custody recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remand prison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probation service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No valid consent. Referrals cannot be made until the client gives consent for an agency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{agency}: until {date} ({areas})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} expired or withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total} need review now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least %1 characters: a few unrelated words work well.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanActionModel</name>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{area} — no actions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{area} — {done} of {total} done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>S&amp;tart a release plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the plan text (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new draft copied from the latest version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue the approved version: it is locked and gets a checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals and actions per area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No release plan yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a release plan to set goals and actions with the client for the time after release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {n}: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued {time}; approved by {who}. This version is locked and cannot change. Checksum (SHA-256): {checksum}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by {who} on {time}. It can be issued, but no longer edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An older draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft: edit the text and actions, then a coordinator approves and issues it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the draft first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve this draft: it can then be issued but not edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve version {n}? It can then be issued, but no longer edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue version {n}? It is then locked for good and gets a checksum. To change it later, start a new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the action “{action}” from this draft?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTextForm</name>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client and the risks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead &amp;coordinator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next re&amp;view:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client&apos;s &amp;goals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;trengths:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Risk factors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protecti&amp;ve factors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warning signs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontingency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First 72 hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client &amp;agrees:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanVersionModel</name>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintChoosers</name>
    <message>
        <source>Print release plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save release plan as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the release plans</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPlanDialog</name>
    <message>
        <source>Print release plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Internal copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole plan, with risk and protective factors and the monitoring chart. For the case file: it stays within the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agency copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For one receiving agency: only the areas the client has consented to share with it; no risk section, chart or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lient&apos;s copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the client, in plain language; no risk section or chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;opies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of copies to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each printed copy gets its own copy number and its own line in the print log. Save PDF… saves one copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record has changes that are not saved. The plan prints as it was last saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the printed plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: no release plan yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: release plan, version {n} ({status})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{agency}: no valid consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agencies are registered. A coordinator adds them under Admin → Agencies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client has not given valid consent for {agency}: no agency copy can be printed for it. Record the consent under Referrals and consent in the client&apos;s record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the agency that receives this copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>release-plan-v{n}-{variant}-{language}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved copy {number} to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer {printer} could not be used. Check that it is switched on and connected, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {copies} ({pages} pages) to {printer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} The print log already lists {copies}; note in the record that they were not printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the copies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copies {first}–{last}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammeTab</name>
    <message>
        <source>C&amp;hange stage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current stage: {stage}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enrolled in the programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now: &lt;b&gt;{stage}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet in this version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Erase this person&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PURGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stored about %1 is erased: here, and at every site this database syncs with. Do this only when the person&apos;s request to be erased has been granted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stored about %1 is erased: here, and at every site this database syncs with. The record is past its retention period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example the retention rule, or the date and reference of the erasure request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge for good</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>violent Islamist extremism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>violent right-wing extremism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>violent left-wing extremism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>criminal gang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPrompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have changes that are not saved yet. Save them before you go on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong and nothing was changed. Try again; if it happens again, tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not complete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>New referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only agencies the client has given a valid consent for are listed. To refer to another agency, record the client&apos;s consent for it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent has expired or was withdrawn for: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the agency is asked to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client withdraws the selected consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New re&amp;ferral…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a&amp;nswer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the agency&apos;s answer to the selected referral, or close it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agencies are registered yet. A coordinator adds them under Agencies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals can be made to: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agency has a valid consent from the client, so no referral can be made. Record the client&apos;s consent first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator in the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase in the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring replaces this database with the backup. The current database is not deleted: it is kept beside it, renamed with “before-restore” and the time. Afterwards the program locks; unlock it with a user name and passphrase as they were when the backup was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backup file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Administrator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup of %1, made %2 by version %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the database with the backup of %1 made %2? Changes made since then are not in the backup. The current database is kept aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from backup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup made %1 is restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous database is kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock with your user name and passphrase as they were in the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention rules: years kept after the programme ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past their retention period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients past their retention period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place &amp;legal hold…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release hold…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 past their retention period, %2 on legal hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal hold placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal hold released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why must the record of %1 be kept? For example the case or complaint it is needed for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the hold on %1 no longer needed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client is purged. The purge reaches other sites with the next bundle.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewRiskDialog</name>
    <message>
        <source>Review risk flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{risk}: review by {date}. Set the next review date, or mark the flag as no longer active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next review by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The risk is &amp;no longer active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From now on this site refuses every bundle from %1, and changes made there that other sites pass on. Do this when its keys may be in the wrong hands (a lost or stolen computer) or the site closes. Trusting a new identity file from it lifts the revocation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskFlagDialog</name>
    <message>
        <source>Add risk flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something staff must keep in mind about the client. It is reviewed by the date you set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. contact with the old group, threats, relapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Risk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view by:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskFlagModel</name>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>Cannot draw the icon {path} ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF engine cannot open a plan ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF engine cannot draw a page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compiled Swedish interface translation is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Icons (SVG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface translations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after &amp;idle minutes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind to &amp;back up after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind when the last backup is older than this many days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;printer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing a release plan starts with this printer; the print dialog can choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer} (not found now)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>Change stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client is now at stage: {stage}. Choose the next stage and say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client is now at stage: {stage}. No stage can follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the client moves to this stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageHistoryModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message>
        <source>This bundle from %1 was imported before. Importing it again changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From site: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients concerned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records added: %1, changed: %2, deleted: %3, purged: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts: %1 new, %2 open in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 change sets were here already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes %1–%2 from site %3 have not arrived; later changes from that site wait until they do. Ask a site that has them for a bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 change sets made by site %2, which this site does not trust, are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 for %2: %3 changes (%4).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrustedSitesDialog</name>
    <message>
        <source>Trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save identity file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites this site exchanges bundles with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fingerprint is copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this site&apos;s identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity files (*.identity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1. Send it to the other site; then read them the fingerprint by phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse everything from %1 from now on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is revoked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Entré Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the demo database of fictional people. User name: %1, passphrase: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding %1 and sealing the key for them…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the role of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing %1 and giving the database a new key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New role for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1? They will no longer be able to unlock the database.

The database gets a new encryption key, so an old copy of their key slot opens nothing. This takes a moment; everyone else keeps their passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client withdraws the consent for {agency} given on {date}. It stays on record; no new referrals can be made under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdrawn on:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkPage</name>
    <message>
        <source>Preparing the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the encrypted database and your key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the demo database with invented people…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating invented people: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done. Press Finish to start working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
