<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Edit action</source>
        <translation>Ändra insats</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Lägg till insats</translation>
    </message>
    <message>
        <source>Save action</source>
        <translation>Spara insats</translation>
    </message>
    <message>
        <source>A&amp;rea:</source>
        <translation>O&amp;mråde:</translation>
    </message>
    <message>
        <source>What the client wants to reach</source>
        <translation>Vad klienten vill uppnå</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>&amp;Mål:</translation>
    </message>
    <message>
        <source>What will be done, by whom</source>
        <translation>Vad som ska göras, och av vem</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Insats:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Responsible a&amp;gency:</source>
        <translation>Ansvarig m&amp;yndighet:</translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation>&amp;Kontaktperson:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>&amp;Senast:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
</context>
<context>
    <name>AddSiteDialog</name>
    <message>
        <source>Cannot read the identity file %1: %2.</source>
        <translation>Det går inte att läsa identitetsfilen %1: %2.</translation>
    </message>
    <message>
        <source>Add a trusted site</source>
        <translation>Lägg till en betrodd enhet</translation>
    </message>
    <message>
        <source>1. Ask the other site's administrator for their identity file (Admin → Trusted sites → Save identity file) and choose it here.</source>
        <translation>1. Be den andra enhetens administratör om deras identitetsfil (Administration → Betrodda enheter → Spara identitetsfil) och välj den här.</translation>
    </message>
    <message>
        <source>2. Phone them and have them read their fingerprint aloud. Type it as you hear it; do not copy it from the file or an e-mail. If the digits differ, do not trust the file.</source>
        <translation>2. Ring upp dem och be dem läsa upp sitt fingeravtryck. Skriv det som du hör det; kopiera det inte från filen eller ett e-postmeddelande. Om siffrorna skiljer sig, lita inte på filen.</translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation>Identitetsfil</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>Fingerprint read out by the other site</source>
        <translation>Fingeravtrycket som den andra enheten läste upp</translation>
    </message>
    <message>
        <source>Identity &amp;file:</source>
        <translation>Identitets&amp;fil:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Enhet:</translation>
    </message>
    <message>
        <source>F&amp;ingerprint:</source>
        <translation>F&amp;ingeravtryck:</translation>
    </message>
    <message>
        <source>&amp;Trust this site</source>
        <translation>&amp;Lita på den här enheten</translation>
    </message>
    <message>
        <source>Choose the other site's identity file</source>
        <translation>Välj den andra enhetens identitetsfil</translation>
    </message>
    <message>
        <source>Identity files (*.identity);;All files (*)</source>
        <translation>Identitetsfiler (*.identity);;Alla filer (*)</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (id %2)</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Lägg till en användare</translation>
    </message>
    <message>
        <source>Give the first passphrase to the person in private; they can change it under Settings once signed in.</source>
        <translation>Lämna den första lösenfrasen till personen i enrum; hen kan byta den under Inställningar efter inloggningen.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Fullständigt namn:</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fullständigt namn</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Roll:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>R&amp;epeat passphrase:</source>
        <translation>&amp;Upprepa lösenfrasen:</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Upprepa lösenfrasen</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Styrka:</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De två lösenfraserna är inte likadana.</translation>
    </message>
    <message>
        <source>The passphrase is too weak.</source>
        <translation>Lösenfrasen är för svag.</translation>
    </message>
</context>
<context>
    <name>AgenciesDialog</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Agencies and organisations</source>
        <translation>Myndigheter och organisationer</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Myndigheter och organisationer</translation>
    </message>
    <message>
        <source>Contact people at the selected agency</source>
        <translation>Kontaktpersoner hos den valda myndigheten</translation>
    </message>
    <message>
        <source>Contact people</source>
        <translation>Kontaktpersoner</translation>
    </message>
    <message>
        <source>&amp;Add agency…</source>
        <translation>&amp;Lägg till myndighet…</translation>
    </message>
    <message>
        <source>&amp;Edit agency…</source>
        <translation>&amp;Ändra myndighet…</translation>
    </message>
    <message>
        <source>Add &amp;contact person…</source>
        <translation>Lägg till &amp;kontaktperson…</translation>
    </message>
    <message>
        <source>Add an agency</source>
        <translation>Lägg till en myndighet eller organisation</translation>
    </message>
    <message>
        <source>Edit agency</source>
        <translation>Ändra myndighet</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>A&amp;dress:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Roll:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>Add a contact person at %1</source>
        <translation>Lägg till en kontaktperson hos %1</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Lock with unsaved changes?</source>
        <translation>Låsa med osparade ändringar?</translation>
    </message>
    <message>
        <source>Some changes are not saved yet. Locking now discards them.</source>
        <translation>Vissa ändringar är inte sparade än. Om du låser nu försvinner de.</translation>
    </message>
    <message>
        <source>Lock and discard</source>
        <translation>Lås och släng ändringarna</translation>
    </message>
</context>
<context>
    <name>AssessmentChart</name>
    <message>
        <source>Ratings per domain (1 = great need of support, 5 = no need)</source>
        <translation>Skattning per område (1 = stort stödbehov, 5 = inget behov)</translation>
    </message>
    <message>
        <source>Chart of assessment ratings per domain over time</source>
        <translation>Diagram över skattningar per område över tid</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Skattning</translation>
    </message>
</context>
<context>
    <name>AssessmentForm</name>
    <message>
        <source>New assessment</source>
        <translation>Ny bedömning</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>e.g. the structured interview used at your unit</source>
        <translation>t.ex. den strukturerade intervju som används på din enhet</translation>
    </message>
    <message>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrument:</translation>
    </message>
    <message>
        <source>1 = great need of support, 5 = no need. Leave a domain at “not rated” to skip it.</source>
        <translation>1 = stort stödbehov, 5 = inget behov. Lämna ett område som ”ej skattat” för att hoppa över det.</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>ej skattat</translation>
    </message>
    <message>
        <source>C&amp;omment:</source>
        <translation>K&amp;ommentar:</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>T&amp;öm</translation>
    </message>
    <message>
        <source>&amp;Save assessment</source>
        <translation>&amp;Spara bedömningen</translation>
    </message>
    <message>
        <source>Save the assessment (Ctrl+S)</source>
        <translation>Spara bedömningen (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>AssessmentModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Bedömare</translation>
    </message>
    <message>
        <source>Domains rated</source>
        <translation>Skattade områden</translation>
    </message>
    <message>
        <source>Mean rating</source>
        <translation>Medelvärde</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>AttachmentModel</name>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Tillagd</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Tillagd av</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>Attach a file</source>
        <translation>Bifoga en fil</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Spara en kopia</translation>
    </message>
    <message>
        <source>The file {path} could not be read: {reason}</source>
        <translation>Filen {path} kunde inte läsas: {reason}</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Files are kept encrypted inside the database. A copy you save out is not encrypted: keep it only where the service's rules allow.</source>
        <translation>Filerna förvaras krypterade i databasen. En kopia som du sparar ut är inte krypterad: förvara den bara där myndighetens regler tillåter.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bilagor</translation>
    </message>
    <message>
        <source>No files are attached to this record yet.</source>
        <translation>Inga filer är bifogade till den här akten än.</translation>
    </message>
    <message>
        <source>A&amp;dd file…</source>
        <translation>L&amp;ägg till fil…</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Spara en kopia…</translation>
    </message>
    <message>
        <source>Adding {name}…</source>
        <translation>Lägger till {name}…</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Sparar {name}…</translation>
    </message>
    <message>
        <source>Saved a copy as {path}.</source>
        <translation>Sparade en kopia som {path}.</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Signed in</source>
        <translation>Loggade in</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Misslyckad inloggning</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Loggade ut</translation>
    </message>
    <message>
        <source>Viewed a client</source>
        <translation>Visade en klient</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>Sökte</translation>
    </message>
    <message>
        <source>Listed clients</source>
        <translation>Listade klienter</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapade</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Ändrade</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Skrev ut</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exporterade</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importerade</translation>
    </message>
    <message>
        <source>Changed a role</source>
        <translation>Ändrade en roll</translation>
    </message>
    <message>
        <source>Added a user</source>
        <translation>Lade till en användare</translation>
    </message>
    <message>
        <source>Removed a user</source>
        <translation>Tog bort en användare</translation>
    </message>
    <message>
        <source>Changed a passphrase</source>
        <translation>Bytte lösenfras</translation>
    </message>
    <message>
        <source>New database key</source>
        <translation>Ny databasnyckel</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Gallrade</translation>
    </message>
    <message>
        <source>Disclosed to an agency</source>
        <translation>Lämnade ut till en myndighet</translation>
    </message>
    <message>
        <source>Generated demo data</source>
        <translation>Skapade demodata</translation>
    </message>
    <message>
        <source>Created the database</source>
        <translation>Skapade databasen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>När (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Gäller</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alla händelser</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Filtrera på händelse</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alla användare</translation>
    </message>
    <message>
        <source>Filter by user</source>
        <translation>Filtrera på användare</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Händelser i granskningsloggen</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Händelse:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>A&amp;nvändare:</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 händelser</translation>
    </message>
    <message>
        <source>The latest %1 events</source>
        <translation>De senaste %1 händelserna</translation>
    </message>
</context>
<context>
    <name>BackgroundExchange</name>
    <message>
        <source>Synchronising with the exchange folder…</source>
        <translation>Synkroniserar med utbytesmappen…</translation>
    </message>
    <message>
        <source>an unexpected problem</source>
        <translation>ett oväntat problem</translation>
    </message>
    <message>
        <source>Could not synchronise with the exchange folder: %1</source>
        <translation>Det gick inte att synkronisera med utbytesmappen: %1</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backup</source>
        <translation>Säkerhetskopiering</translation>
    </message>
    <message>
        <source>Writing a backup to %1</source>
        <translation>Skriver en säkerhetskopia till %1</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Säkerhetskopieringens förlopp</translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation>Kopierar databasen…</translation>
    </message>
    <message>
        <source>Checking the written backup…</source>
        <translation>Kontrollerar den skrivna säkerhetskopian…</translation>
    </message>
    <message>
        <source>The backup is written and verified: %1 (%2 MB, %3 records). Keep it somewhere safe, away from this computer.</source>
        <translation>Säkerhetskopian är skriven och kontrollerad: %1 (%2 MB, %3 uppgifter). Förvara den säkert och inte på den här datorn.</translation>
    </message>
    <message>
        <source>No backup was made.</source>
        <translation>Ingen säkerhetskopia gjordes.</translation>
    </message>
</context>
<context>
    <name>BackupReminder</name>
    <message>
        <source>Back up now</source>
        <translation>Säkerhetskopiera nu</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>This database has never been backed up.</source>
        <translation>Den här databasen har aldrig säkerhetskopierats.</translation>
    </message>
    <message>
        <source>The last backup was made %1, more than %2 days ago.</source>
        <translation>Den senaste säkerhetskopian gjordes %1, för mer än %2 dagar sedan.</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>Print plans for upcoming releases</source>
        <translation>Skriv ut planer för kommande frigivningar</translation>
    </message>
    <message>
        <source>Released wi&amp;thin:</source>
        <translation>&amp;Friges inom:</translation>
    </message>
    <message>
        <source>Days until release</source>
        <translation>Dagar till frigivning</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Mapp:</translation>
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation>Mapp för PDF-filerna</translation>
    </message>
    <message>
        <source>&amp;Copy for:</source>
        <translation>&amp;Exemplar:</translation>
    </message>
    <message>
        <source>Copy type</source>
        <translation>Typ av exemplar</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>Sp&amp;råk:</translation>
    </message>
    <message>
        <source>Language of the plans</source>
        <translation>Planernas språk</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>Choose a folder for the PDF files</source>
        <translation>Välj en mapp för PDF-filerna</translation>
    </message>
    <message>
        <source>Internal copy (the whole plan, for the case file)</source>
        <translation>Internt exemplar (hela planen, för akten)</translation>
    </message>
    <message>
        <source>Client's copy (plain language, no risk section)</source>
        <translation>Klientens exemplar (lättläst, utan riskavsnitt)</translation>
    </message>
    <message>
        <source>Agency copies are printed one at a time from the client's record: each needs the client's consent for that agency.</source>
        <translation>Myndighetsexemplar skrivs ut ett i taget från klientens akt: vart och ett kräver klientens samtycke för just den mottagaren.</translation>
    </message>
    <message>
        <source>&amp;Write PDFs</source>
        <translation>&amp;Skriv PDF-filer</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Räknar…</translation>
    </message>
    <message>
        <source>No client with a release plan is released within {days} days.</source>
        <translation>Ingen klient med frigivningsplan friges inom {days} dagar.</translation>
    </message>
    <message>
        <source>1 client with a release plan is released within {days} days.</source>
        <translation>1 klient med frigivningsplan friges inom {days} dagar.</translation>
    </message>
    <message>
        <source>{count} clients with a release plan are released within {days} days.</source>
        <translation>{count} klienter med frigivningsplan friges inom {days} dagar.</translation>
    </message>
</context>
<context>
    <name>BatchPrintRun</name>
    <message>
        <source>Print plans for upcoming releases</source>
        <translation>Skriv ut planer för kommande frigivningar</translation>
    </message>
    <message>
        <source>Finding the clients…</source>
        <translation>Söker fram klienterna…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Stopping after the current plan…</source>
        <translation>Avbryter efter den plan som skrivs nu…</translation>
    </message>
    <message>
        <source>Wrote {done} of {total} release plans…</source>
        <translation>{done} av {total} frigivningsplaner skrivna…</translation>
    </message>
    <message>
        <source> {done} release plans were handled before it stopped.</source>
        <translation> {done} frigivningsplaner hann hanteras innan det avbröts.</translation>
    </message>
    <message>
        <source>No client with a release plan is released within these days: nothing was written.</source>
        <translation>Ingen klient med frigivningsplan friges inom dessa dagar: inget har skrivits.</translation>
    </message>
    <message>
        <source>Wrote 1 release plan to {folder}.</source>
        <translation>1 frigivningsplan har skrivits till {folder}.</translation>
    </message>
    <message>
        <source>Wrote {count} release plans to {folder}.</source>
        <translation>{count} frigivningsplaner har skrivits till {folder}.</translation>
    </message>
    <message>
        <source>Cancelled: {left} of {total} clients were not handled.</source>
        <translation>Avbrutet: {left} av {total} klienter hanterades inte.</translation>
    </message>
    <message>
        <source>Cancelled before the first plan was written.</source>
        <translation>Avbrutet innan den första planen hann skrivas.</translation>
    </message>
    <message>
        <source>{count} could not be printed:</source>
        <translation>{count} kunde inte skrivas ut:</translation>
    </message>
    <message>
        <source>… and {count} more (see Show Details).</source>
        <translation>… och {count} till (se Visa detaljer).</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Anstalt</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fas</translation>
    </message>
    <message>
        <source>Release date</source>
        <translation>Frigivningsdatum</translation>
    </message>
    <message>
        <source>Days to release</source>
        <translation>Dagar kvar</translation>
    </message>
    <message>
        <source>Next action due</source>
        <translation>Nästa insats senast</translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation>Ansvarig handläggare</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Sök:</translation>
    </message>
    <message>
        <source>Name, personal identity number or note text (Ctrl+F)</source>
        <translation>Namn, personnummer eller anteckning (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Sök klienter</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>&amp;Fas:</translation>
    </message>
    <message>
        <source>Filter by stage</source>
        <translation>Filtrera på fas</translation>
    </message>
    <message>
        <source>F&amp;acility:</source>
        <translation>&amp;Anstalt:</translation>
    </message>
    <message>
        <source>Filter by facility</source>
        <translation>Filtrera på anstalt</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>F&amp;rigivning:</translation>
    </message>
    <message>
        <source>Filter by release date</source>
        <translation>Filtrera på frigivningsdatum</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Rensa filter</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Klientlista</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alla faser</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>När som helst</translation>
    </message>
    <message>
        <source>Within %1 days</source>
        <translation>Inom %1 dagar</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Alla anstalter</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>%1 klienter</translation>
    </message>
    <message>
        <source>Showing %1 of %2 clients</source>
        <translation>Visar %1 av %2 klienter</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change my passphrase</source>
        <translation>Byt min lösenfras</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>&amp;Nuvarande lösenfras:</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Nuvarande lösenfras</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>N&amp;y lösenfras:</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Ny lösenfras</translation>
    </message>
    <message>
        <source>&amp;Repeat the new passphrase:</source>
        <translation>&amp;Upprepa den nya lösenfrasen:</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Upprepa den nya lösenfrasen</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Styrka:</translation>
    </message>
    <message>
        <source>Only your own key slot changes; nobody else is affected.</source>
        <translation>Bara din egen nyckelplats ändras; ingen annan påverkas.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De två lösenfraserna är inte likadana.</translation>
    </message>
    <message>
        <source>The passphrase is too weak.</source>
        <translation>Lösenfrasen är för svag.</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <source>Welcome to Entré Desktop</source>
        <translation>Välkommen till Entré Desktop</translation>
    </message>
    <message>
        <source>There is no database on this computer yet.</source>
        <translation>Det finns ingen databas på den här datorn än.</translation>
    </message>
    <message>
        <source>Entré Desktop keeps its clients in an encrypted database on this computer. What would you like to do?</source>
        <translation>Entré Desktop förvarar klienterna i en krypterad databas på den här datorn. Vad vill du göra?</translation>
    </message>
    <message>
        <source>&amp;Create a new database for this site</source>
        <translation>&amp;Skapa en ny databas för den här enheten</translation>
    </message>
    <message>
        <source>You become its administrator and can add your colleagues afterwards.</source>
        <translation>Du blir dess administratör och kan lägga till dina kolleger efteråt.</translation>
    </message>
    <message>
        <source>Try the &amp;demo database</source>
        <translation>Prova &amp;demodatabasen</translation>
    </message>
    <message>
        <source>About %1 invented people, to look around and practise. Nothing in it is real.</source>
        <translation>Omkring %1 påhittade personer, för att titta runt och öva. Inget i den är verkligt.</translation>
    </message>
    <message>
        <source>&amp;Open an existing database file</source>
        <translation>&amp;Öppna en befintlig databasfil</translation>
    </message>
    <message>
        <source>For example one restored from a backup.</source>
        <translation>Till exempel en som återställts från en säkerhetskopia.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Databasfil</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>Öppna en databas</translation>
    </message>
    <message>
        <source>Entré databases (*.db);;All files (*)</source>
        <translation>Entré-databaser (*.db);;Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>ClientRecordWidget</name>
    <message>
        <source>Opening the record…</source>
        <translation>Öppnar akten…</translation>
    </message>
    <message>
        <source>Parts of the client record</source>
        <translation>Delar av klientens akt</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programmet</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Utveckling</translation>
    </message>
    <message>
        <source>Contacts and meetings</source>
        <translation>Kontakter och möten</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Referrals and consent</source>
        <translation>Remisser och samtycke</translation>
    </message>
    <message>
        <source>Release plan</source>
        <translation>Frigivningsplan</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bilagor</translation>
    </message>
    <message>
        <source>The record is closed while the database is locked.</source>
        <translation>Akten är stängd medan databasen är låst.</translation>
    </message>
    <message>
        <source>Stage: {stage}</source>
        <translation>Fas: {stage}</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Inte inskriven</translation>
    </message>
    <message>
        <source>The record could not be opened: {reason}</source>
        <translation>Akten kunde inte öppnas: {reason}</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Frihetsberövande</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>Inskrivning</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Remiss</translation>
    </message>
    <message>
        <source>Risk flag</source>
        <translation>Riskmarkering</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <source>Agency contact</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Release plan</source>
        <translation>Frigivningsplan</translation>
    </message>
    <message>
        <source>Plan version</source>
        <translation>Planversion</translation>
    </message>
    <message>
        <source>Plan action</source>
        <translation>Planåtgärd</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Personal identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Protected address</source>
        <translation>Skyddad adress</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Milieu</source>
        <translation>Miljö</translation>
    </message>
    <message>
        <source>Responsible officer</source>
        <translation>Ansvarig handläggare</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Anstalt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Borttagen</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tomt)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Latest edit</source>
        <translation>Senast ändrad</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Synkroniseringskonflikter</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Olösta konflikter</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nytt värde</translation>
    </message>
    <message>
        <source>Or write a new value</source>
        <translation>Eller skriv ett nytt värde</translation>
    </message>
    <message>
        <source>&amp;Write this value</source>
        <translation>&amp;Skriv det här värdet</translation>
    </message>
    <message>
        <source>Your choice is saved as a new change and sent with the next bundle, so the conflict is resolved at the other sites too.</source>
        <translation>Ditt val sparas som en ny ändring och skickas med nästa paket, så att konflikten blir löst på de andra enheterna också.</translation>
    </message>
    <message>
        <source>There are no open conflicts.</source>
        <translation>Det finns inga olösta konflikter.</translation>
    </message>
    <message>
        <source>Choose a conflict above.</source>
        <translation>Välj en konflikt ovan.</translation>
    </message>
    <message>
        <source>%1 was changed at two sites that had not seen each other's change.</source>
        <translation>%1 ändrades på två enheter som inte hade sett varandras ändring.</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(inte registrerat)</translation>
    </message>
    <message>
        <source>Changed %1 by %2</source>
        <translation>Ändrat %1 av %2</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>Visas nu</translation>
    </message>
    <message>
        <source>&amp;Keep this value</source>
        <translation>&amp;Behåll det här värdet</translation>
    </message>
    <message>
        <source>Keep the value from %1</source>
        <translation>Behåll värdet från %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Resolved. The choice goes to the other sites with the next bundle.</source>
        <translation>Löst. Valet skickas till de andra enheterna med nästa paket.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Registrera samtycke</translation>
    </message>
    <message>
        <source>Record what the client has agreed to: which agency may receive information, about which areas, and until when. Consent can be withdrawn at any time.</source>
        <translation>Registrera vad klienten har gått med på: vilken myndighet som får ta emot uppgifter, om vilka områden och till när. Samtycket kan när som helst återkallas.</translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation>&amp;Myndighet:</translation>
    </message>
    <message>
        <source>Areas it may receive:</source>
        <translation>Områden den får ta emot:</translation>
    </message>
    <message>
        <source>&amp;Given on:</source>
        <translation>&amp;Lämnat den:</translation>
    </message>
    <message>
        <source>&amp;Valid until:</source>
        <translation>&amp;Giltigt till:</translation>
    </message>
</context>
<context>
    <name>ConsentModel</name>
    <message>
        <source>Agency</source>
        <translation>Myndighet/organisation</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Områden</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Lämnat</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Giltigt till</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Återkallat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Log a contact</source>
        <translation>Registrera en kontakt</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>The client &amp;attended</source>
        <translation>Klienten &amp;deltog</translation>
    </message>
    <message>
        <source>Attendance:</source>
        <translation>Närvaro:</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>ej skattat</translation>
    </message>
    <message>
        <source>1 – withdrawn</source>
        <translation>1 – avvisande</translation>
    </message>
    <message>
        <source>3 – some</source>
        <translation>3 – delvis</translation>
    </message>
    <message>
        <source>5 – fully engaged</source>
        <translation>5 – helt engagerad</translation>
    </message>
    <message>
        <source>&amp;Engagement:</source>
        <translation>&amp;Engagemang:</translation>
    </message>
    <message>
        <source>What was discussed and agreed</source>
        <translation>Vad som diskuterades och bestämdes</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>&amp;Sammanfattning:</translation>
    </message>
    <message>
        <source>&amp;Log contact</source>
        <translation>&amp;Registrera kontakten</translation>
    </message>
    <message>
        <source>Add this contact to the log (Ctrl+S)</source>
        <translation>Lägg till kontakten i loggen (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>ContactModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Deltog</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagemang</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registrerad av</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Contact log</source>
        <translation>Kontaktlogg</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct a note</source>
        <translation>Rätta en anteckning</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Spara rättelsen</translation>
    </message>
    <message>
        <source>Notes are never changed. Your correction is saved as a new note linked to the note of {time} by {author}, which stays on record.</source>
        <translation>Anteckningar ändras aldrig. Din rättelse sparas som en ny anteckning kopplad till anteckningen från {time} av {author}, som finns kvar.</translation>
    </message>
    <message>
        <source>Original note</source>
        <translation>Ursprunglig anteckning</translation>
    </message>
    <message>
        <source>Original:</source>
        <translation>Ursprunglig:</translation>
    </message>
    <message>
        <source>&amp;Correction:</source>
        <translation>&amp;Rättelse:</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Create the database</source>
        <translation>Skapa databasen</translation>
    </message>
    <message>
        <source>Choose a passphrase you can remember: it cannot be recovered if it is lost.</source>
        <translation>Välj en lösenfras som du kan komma ihåg: den går inte att återskapa om den tappas bort.</translation>
    </message>
    <message>
        <source>&amp;Site name:</source>
        <translation>&amp;Enhetens namn:</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Enhetens namn</translation>
    </message>
    <message>
        <source>&amp;Administrator user name:</source>
        <translation>Administratörens &amp;användarnamn:</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>Administratörens användarnamn</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>&amp;Upprepa lösenfrasen:</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Upprepa lösenfrasen</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Styrka:</translation>
    </message>
    <message>
        <source>For example Anstalten Kumla</source>
        <translation>Till exempel Anstalten Kumla</translation>
    </message>
    <message>
        <source>For example anna.svensson</source>
        <translation>Till exempel anna.svensson</translation>
    </message>
    <message>
        <source>The database will be created at %1</source>
        <translation>Databasen skapas i %1</translation>
    </message>
    <message>
        <source>Type the name of your site.</source>
        <translation>Skriv din enhets namn.</translation>
    </message>
    <message>
        <source>The passphrase is too weak.</source>
        <translation>Lösenfrasen är för svag.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De två lösenfraserna är inte likadana.</translation>
    </message>
</context>
<context>
    <name>DashboardStrip</name>
    <message>
        <source>Releases in 30 days</source>
        <translation>Frigivningar inom 30 dagar</translation>
    </message>
    <message>
        <source>Releases in 90 days</source>
        <translation>Frigivningar inom 90 dagar</translation>
    </message>
    <message>
        <source>Overdue actions</source>
        <translation>Försenade insatser</translation>
    </message>
    <message>
        <source>Plans awaiting approval</source>
        <translation>Planer som väntar på godkännande</translation>
    </message>
    <message>
        <source>Risk flags due</source>
        <translation>Riskmarkeringar att se över</translation>
    </message>
    <message>
        <source>Show the clients released in the next 30 days</source>
        <translation>Visa klienterna som friges inom 30 dagar</translation>
    </message>
    <message>
        <source>Show the clients released in the next 90 days</source>
        <translation>Visa klienterna som friges inom 90 dagar</translation>
    </message>
    <message>
        <source>Active risk flags to review within 14 days, overdue ones included</source>
        <translation>Aktiva riskmarkeringar att se över inom 14 dagar, inklusive försenade</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostik</translation>
    </message>
    <message>
        <source>Diagnostic report</source>
        <translation>Diagnostikrapport</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>&amp;Kopiera till urklipp</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Lås efter minuters inaktivitet</translation>
    </message>
    <message>
        <source>Exchange folder set</source>
        <translation>Utbytesmapp vald</translation>
    </message>
    <message>
        <source>Backup reminder after days</source>
        <translation>Påminn om säkerhetskopia efter dagar</translation>
    </message>
    <message>
        <source>Desktop client settings</source>
        <translation>Inställningar i skrivbordsprogrammet</translation>
    </message>
    <message>
        <source>The report could not be gathered: %1</source>
        <translation>Rapporten kunde inte sammanställas: %1</translation>
    </message>
    <message>
        <source>Gathering the report…</source>
        <translation>Sammanställer rapporten…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database is locked. Unlock it to go on.</source>
        <translation>Databasen är låst. Lås upp den för att fortsätta.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your saved work is safe. If it happens again, tell your administrator what you were doing.</source>
        <translation>Något oväntat gick fel. Det du har sparat är i säkerhet. Om det händer igen, berätta för din administratör vad du höll på med.</translation>
    </message>
    <message>
        <source>Wrong user name or passphrase</source>
        <translation>Fel användarnamn eller lösenfras</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>Skadad databas</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>Databasen används redan</translation>
    </message>
    <message>
        <source>Newer database</source>
        <translation>Nyare databas</translation>
    </message>
    <message>
        <source>Could not do that</source>
        <translation>Det gick inte</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Oväntat fel</translation>
    </message>
</context>
<context>
    <name>ExchangeFolderDialog</name>
    <message>
        <source>Exchange folder</source>
        <translation>Utbytesmapp</translation>
    </message>
    <message>
        <source>Sites that share a folder (on a server share or a removable drive) exchange bundles there. Synchronising imports every new bundle for this site, then leaves one bundle for each trusted site.</source>
        <translation>Enheter som delar en mapp (på en nätverksresurs eller ett flyttbart minne) utbyter paket där. Vid synkronisering importeras alla nya paket till den här enheten, och sedan lämnas ett paket till varje betrodd enhet.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>Synchronise &amp;each time the database is unlocked</source>
        <translation>Synkronisera &amp;varje gång databasen låses upp</translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation>&amp;Synkronisera nu</translation>
    </message>
    <message>
        <source>What the synchronisation did</source>
        <translation>Vad synkroniseringen gjorde</translation>
    </message>
    <message>
        <source>What the synchronisation did appears here.</source>
        <translation>Här visas vad synkroniseringen gjorde.</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Mapp:</translation>
    </message>
    <message>
        <source>Choose the exchange folder</source>
        <translation>Välj utbytesmapp</translation>
    </message>
</context>
<context>
    <name>ExchangeReport</name>
    <message>
        <source>Imported %1 from %2: %3 records, %4 new conflicts.</source>
        <translation>Importerade %1 från %2: %3 uppgifter, %4 nya konflikter.</translation>
    </message>
    <message>
        <source>Not imported: %1. %2</source>
        <translation>Inte importerat: %1. %2</translation>
    </message>
    <message>
        <source>%1 bundles were imported before and were skipped.</source>
        <translation>%1 paket hade importerats tidigare och hoppades över.</translation>
    </message>
    <message>
        <source>%1 bundles are for other sites or were made here; they were left alone.</source>
        <translation>%1 paket är till andra enheter eller skapades här; de lämnades orörda.</translation>
    </message>
    <message>
        <source>Sent %1 changes to %2 (%3).</source>
        <translation>Skickade %1 ändringar till %2 (%3).</translation>
    </message>
    <message>
        <source>Nothing new to send to %1.</source>
        <translation>Inget nytt att skicka till %1.</translation>
    </message>
    <message>
        <source>There was nothing to import and nothing to send.</source>
        <translation>Det fanns inget att importera och inget att skicka.</translation>
    </message>
    <message>
        <source>Synchronised: %1 bundles imported, %2 sent.</source>
        <translation>Synkroniserat: %1 paket importerade, %2 skickade.</translation>
    </message>
    <message>
        <source>%1 bundles were not imported; see File → Synchronise with exchange folder.</source>
        <translation>%1 paket importerades inte; se Arkiv → Synkronisera med utbytesmapp.</translation>
    </message>
</context>
<context>
    <name>ExportBundleDialog</name>
    <message>
        <source>Export bundle</source>
        <translation>Exportera paket</translation>
    </message>
    <message>
        <source>A bundle carries this site's changes, signed and encrypted so that only the chosen sites can read it. Take it to them on a removable drive or through a shared folder.</source>
        <translation>Ett paket innehåller den här enhetens ändringar, signerade och krypterade så att bara de valda enheterna kan läsa dem. Överför det på ett flyttbart minne eller via en delad mapp.</translation>
    </message>
    <message>
        <source>Sites to send the bundle to</source>
        <translation>Enheter som paketet ska skickas till</translation>
    </message>
    <message>
        <source>This site trusts no other site yet. An administrator adds sites under Admin → Trusted sites.</source>
        <translation>Den här enheten litar ännu inte på någon annan enhet. En administratör lägger till enheter under Administration → Betrodda enheter.</translation>
    </message>
    <message>
        <source>Changes these sites have &amp;not acknowledged yet (normal)</source>
        <translation>Ändringar som enheterna &amp;inte har bekräftat än (normalt)</translation>
    </message>
    <message>
        <source>&amp;All changes (for a site that was set up again or lost data)</source>
        <translation>&amp;Alla ändringar (till en enhet som installerats om eller förlorat data)</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>Paketfil</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportera</translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation>Skicka till:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Spara som:</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>Spara paketet som</translation>
    </message>
    <message>
        <source>Entré bundles (*.entre)</source>
        <translation>Entré-paket (*.entre)</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Choose another place for the bundle.</source>
        <translation>Mappen %1 finns inte. Välj en annan plats för paketet.</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Skriver paketet…</translation>
    </message>
    <message>
        <source>There were no new changes for these sites; the bundle still tells them what this site has received.</source>
        <translation>Det fanns inga nya ändringar till de här enheterna; paketet talar ändå om för dem vad den här enheten har tagit emot.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Entré Desktop: first start</source>
        <translation>Entré Desktop: första start</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <source>Edit the client's details and custody. The personal identity number and date of birth cannot be changed here.</source>
        <translation>Ändra klientens uppgifter och verkställighet. Personnummer och födelsedatum kan inte ändras här.</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identitet</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Verkställighet</translation>
    </message>
    <message>
        <source>Personal identity number:</source>
        <translation>Personnummer:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S)</source>
        <translation>Spara ändringarna (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Responsible officer:</source>
        <translation>Ansvarig &amp;handläggare:</translation>
    </message>
    <message>
        <source>Protected address:</source>
        <translation>Skyddad adress:</translation>
    </message>
    <message>
        <source>&amp;Protected personal data (the address never leaves the service)</source>
        <translation>S&amp;kyddade personuppgifter (adressen lämnar aldrig myndigheten)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adress:</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(inte registrerat)</translation>
    </message>
    <message>
        <source>Special-category data: shown only inside this record.</source>
        <translation>Känsliga personuppgifter: visas bara i den här akten.</translation>
    </message>
    <message>
        <source>&amp;Milieu (sensitive):</source>
        <translation>&amp;Miljö (känslig uppgift):</translation>
    </message>
    <message>
        <source>&amp;Facility:</source>
        <translation>&amp;Anstalt/enhet:</translation>
    </message>
    <message>
        <source>Prison</source>
        <translation>Anstalt</translation>
    </message>
    <message>
        <source>Remand prison</source>
        <translation>Häkte</translation>
    </message>
    <message>
        <source>Probation service</source>
        <translation>Frivården</translation>
    </message>
    <message>
        <source>&amp;Kind of facility:</source>
        <translation>&amp;Typ av enhet:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>Sentence s&amp;tarts:</source>
        <translation>Verkställigheten &amp;börjar:</translation>
    </message>
    <message>
        <source>Sentence &amp;ends:</source>
        <translation>Strafftiden &amp;slutar:</translation>
    </message>
    <message>
        <source>Con&amp;ditional release:</source>
        <translation>&amp;Villkorlig frigivning:</translation>
    </message>
    <message>
        <source>S&amp;upervision ends:</source>
        <translation>&amp;Prövotiden slutar:</translation>
    </message>
    <message>
        <source>Supervis&amp;or:</source>
        <translation>Ö&amp;vervakare:</translation>
    </message>
    <message>
        <source>Special &amp;conditions:</source>
        <translation>Särskilda v&amp;illkor:</translation>
    </message>
    <message>
        <source>&amp;Gradual release:</source>
        <translation>&amp;Utslussning:</translation>
    </message>
</context>
<context>
    <name>ImportBundleDialog</name>
    <message>
        <source>Import bundle</source>
        <translation>Importera paket</translation>
    </message>
    <message>
        <source>&amp;Check bundle</source>
        <translation>&amp;Kontrollera paketet</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation>&amp;Annan fil…</translation>
    </message>
    <message>
        <source>Choose a bundle file another site made for this site. It is checked first: you see what it would change before anything is changed.</source>
        <translation>Välj en paketfil som en annan enhet har skapat till den här enheten. Den kontrolleras först: du ser vad den skulle ändra innan något ändras.</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>Paketfil</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Choose a bundle</source>
        <translation>Välj ett paket</translation>
    </message>
    <message>
        <source>Entré bundles (*.entre);;All files (*)</source>
        <translation>Entré-paket (*.entre);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Checking the bundle. Nothing is changed yet…</source>
        <translation>Kontrollerar paketet. Ingenting ändras än…</translation>
    </message>
    <message>
        <source>What this bundle would change</source>
        <translation>Det här skulle paketet ändra</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>Det finns inget att importera.</translation>
    </message>
    <message>
        <source>The bundle holds no changes; importing it records what the other site has received.</source>
        <translation>Paketet innehåller inga ändringar; när det importeras registreras vad den andra enheten har tagit emot.</translation>
    </message>
    <message>
        <source>Nothing has been changed yet. Choose Import to apply these changes.</source>
        <translation>Ingenting har ändrats än. Välj Importera för att genomföra ändringarna.</translation>
    </message>
    <message>
        <source>Importing the bundle…</source>
        <translation>Importerar paketet…</translation>
    </message>
    <message>
        <source>The bundle was imported.</source>
        <translation>Paketet importerades.</translation>
    </message>
    <message>
        <source>The bundle was not imported</source>
        <translation>Paketet importerades inte</translation>
    </message>
    <message>
        <source>Nothing was changed in this database.</source>
        <translation>Ingenting ändrades i den här databasen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;Ny klient…</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>S&amp;ök klient</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>&amp;Close record</source>
        <translation>S&amp;täng akten</translation>
    </message>
    <message>
        <source>&amp;Print release plan…</source>
        <translation>Skriv &amp;ut frigivningsplan…</translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>&amp;Exportera paket…</translation>
    </message>
    <message>
        <source>&amp;Import bundle…</source>
        <translation>&amp;Importera paket…</translation>
    </message>
    <message>
        <source>S&amp;ynchronise with exchange folder…</source>
        <translation>S&amp;ynkronisera med utbytesmapp…</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>Säkerhets&amp;kopiera…</translation>
    </message>
    <message>
        <source>Export &amp;data about this person…</source>
        <translation>Exportera &amp;uppgifter om personen…</translation>
    </message>
    <message>
        <source>&amp;Retention review…</source>
        <translation>&amp;Gallringsgenomgång…</translation>
    </message>
    <message>
        <source>&amp;Erase this person's data…</source>
        <translation>&amp;Radera personens uppgifter…</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Återställ från &amp;säkerhetskopia…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Användare…</translation>
    </message>
    <message>
        <source>&amp;Agencies…</source>
        <translation>&amp;Myndigheter och organisationer…</translation>
    </message>
    <message>
        <source>Audit &amp;log…</source>
        <translation>&amp;Granskningslogg…</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>Synkroniserings&amp;konflikter…</translation>
    </message>
    <message>
        <source>&amp;Trusted sites…</source>
        <translation>&amp;Betrodda enheter…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>Change my &amp;passphrase…</source>
        <translation>Byt min &amp;lösenfras…</translation>
    </message>
    <message>
        <source>&amp;Diagnostics…</source>
        <translation>&amp;Diagnostik…</translation>
    </message>
    <message>
        <source>&amp;About Entré Desktop</source>
        <translation>&amp;Om Entré Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>A&amp;dministration</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Inställningar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Klientlista</translation>
    </message>
    <message>
        <source>Caseload and open client records</source>
        <translation>Klientlistan och öppna akter</translation>
    </message>
    <message>
        <source>DEMO: invented people</source>
        <translation>DEMO: påhittade personer</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>låst</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) at %3</source>
        <translation>Inloggad som %1 (%2) på %3</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>About Entré Desktop</source>
        <translation>Om Entré Desktop</translation>
    </message>
    <message>
        <source>Entré Desktop %1

Case work, release support plans and offline exchange between sites for the Entré programme of the Swedish Prison and Probation Service.

Qt for Python %2</source>
        <translation>Entré Desktop %1

Ärendearbete, frigivningsplaner och utbyte mellan enheter utan nätverk för Kriminalvårdens Entréprogram.

Qt for Python %2</translation>
    </message>
    <message>
        <source>Print plans for &amp;upcoming releases…</source>
        <translation>Skriv ut planer för kommande &amp;frigivningar…</translation>
    </message>
    <message>
        <source>Print release plan</source>
        <translation>Skriv ut frigivningsplan</translation>
    </message>
    <message>
        <source>Select a client in the caseload, or open a client's record, to print their release plan.</source>
        <translation>Markera en klient i klientlistan, eller öppna en klients akt, för att skriva ut klientens frigivningsplan.</translation>
    </message>
</context>
<context>
    <name>MonitoringTab</name>
    <message>
        <source>Assessments</source>
        <translation>Bedömningar</translation>
    </message>
</context>
<context>
    <name>NewClientDialog</name>
    <message>
        <source>New client</source>
        <translation>Ny klient</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>&amp;Personal identity number:</source>
        <translation>&amp;Personnummer:</translation>
    </message>
    <message>
        <source>Personal identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>&amp;Facility:</source>
        <translation>&amp;Anstalt:</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Anstalt</translation>
    </message>
    <message>
        <source>&amp;Release date:</source>
        <translation>&amp;Frigivningsdatum:</translation>
    </message>
    <message>
        <source>Release date</source>
        <translation>Frigivningsdatum</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN or coordination number</source>
        <translation>ÅÅÅÅMMDD-NNNN eller samordningsnummer</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (conditional release, if known)</source>
        <translation>ÅÅÅÅ-MM-DD (villkorlig frigivning, om känd)</translation>
    </message>
</context>
<context>
    <name>NoteModel</name>
    <message>
        <source>Written</source>
        <translation>Skriven</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Författare</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Rättelse</translation>
    </message>
    <message>
        <source>Corrects the note of {time} by {author}</source>
        <translation>Rättar anteckningen från {time} av {author}</translation>
    </message>
    <message>
        <source>Corrected on {time}</source>
        <translation>Rättad {time}</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Notes, newest first</source>
        <translation>Anteckningar, nyaste först</translation>
    </message>
    <message>
        <source>Selected note</source>
        <translation>Vald anteckning</translation>
    </message>
    <message>
        <source>Select a note to read it in full.</source>
        <translation>Välj en anteckning för att läsa hela.</translation>
    </message>
    <message>
        <source>Co&amp;rrect…</source>
        <translation>&amp;Rätta…</translation>
    </message>
    <message>
        <source>Write a correction to the selected note</source>
        <translation>Skriv en rättelse till den valda anteckningen</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Ny anteckning</translation>
    </message>
    <message>
        <source>Write a note. Notes cannot be edited or deleted once added.</source>
        <translation>Skriv en anteckning. Anteckningar kan inte ändras eller tas bort när de har lagts till.</translation>
    </message>
    <message>
        <source>A&amp;dd note</source>
        <translation>&amp;Lägg till anteckningen</translation>
    </message>
    <message>
        <source>Add the note (Ctrl+S)</source>
        <translation>Lägg till anteckningen (Ctrl+S)</translation>
    </message>
    <message>
        <source>This note corrects the note of {time} by {author}:</source>
        <translation>Den här anteckningen rättar anteckningen från {time} av {author}:</translation>
    </message>
    <message>
        <source>Corrected on {time} by {author}:</source>
        <translation>Rättad {time} av {author}:</translation>
    </message>
</context>
<context>
    <name>OperationsFiles</name>
    <message>
        <source>Save the backup as</source>
        <translation>Spara säkerhetskopian som</translation>
    </message>
    <message>
        <source>Entré Desktop backups (*.entre-backup)</source>
        <translation>Säkerhetskopior av Entré Desktop (*.entre-backup)</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>Välj en säkerhetskopia att återställa</translation>
    </message>
    <message>
        <source>Entré Desktop backups (*.entre-backup);;All files (*)</source>
        <translation>Säkerhetskopior av Entré Desktop (*.entre-backup);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Save the register extract as</source>
        <translation>Spara registerutdraget som</translation>
    </message>
    <message>
        <source>PDF and JSON files (*.pdf)</source>
        <translation>PDF- och JSON-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>OperationsMenu</name>
    <message>
        <source>Writing the register extract…</source>
        <translation>Skriver registerutdraget…</translation>
    </message>
    <message>
        <source>Export data about this person</source>
        <translation>Exportera uppgifter om personen</translation>
    </message>
    <message>
        <source>Register extract written</source>
        <translation>Registerutdraget är skrivet</translation>
    </message>
    <message>
        <source>Wrote %1 and %2.</source>
        <translation>Skrev %1 och %2.</translation>
    </message>
    <message>
        <source>Review both files for information covered by secrecy before handing them over.</source>
        <translation>Granska båda filerna med avseende på sekretess innan de lämnas ut.</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Raderat</translation>
    </message>
    <message>
        <source>Everything stored about the person is erased. The erasure reaches other sites with the next bundle.</source>
        <translation>Allt som fanns lagrat om personen är raderat. Raderingen når andra enheter med nästa paket.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>&amp;Edit details…</source>
        <translation>&amp;Ändra uppgifter…</translation>
    </message>
    <message>
        <source>Edit identity and custody</source>
        <translation>Ändra identitet och verkställighet</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Encouragement: goals and progress</source>
        <translation>Motivation: mål och framsteg</translation>
    </message>
    <message>
        <source>Monitoring: assessments</source>
        <translation>Utveckling: bedömningar</translation>
    </message>
    <message>
        <source>Trust: meetings and engagement</source>
        <translation>Förtroende: möten och engagemang</translation>
    </message>
    <message>
        <source>Referral: Entré stage</source>
        <translation>Remiss: fas i Entré</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identitet</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Personal identity number:</source>
        <translation>Personnummer:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Födelsedatum:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Responsible officer:</source>
        <translation>Ansvarig handläggare:</translation>
    </message>
    <message>
        <source>Protected address:</source>
        <translation>Skyddad adress:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adress:</translation>
    </message>
    <message>
        <source>Milieu (sensitive):</source>
        <translation>Miljö (känslig uppgift):</translation>
    </message>
    <message>
        <source>Special-category data: shown only inside this record, never in lists, searches or printed copies.</source>
        <translation>Känsliga personuppgifter: visas bara i den här akten, aldrig i listor, sökningar eller utskrifter.</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Verkställighet</translation>
    </message>
    <message>
        <source>Facility:</source>
        <translation>Anstalt:</translation>
    </message>
    <message>
        <source>Sentence:</source>
        <translation>Strafftid:</translation>
    </message>
    <message>
        <source>Conditional release:</source>
        <translation>Villkorlig frigivning:</translation>
    </message>
    <message>
        <source>Supervision until:</source>
        <translation>Prövotid till:</translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation>Övervakare:</translation>
    </message>
    <message>
        <source>Special conditions:</source>
        <translation>Särskilda villkor:</translation>
    </message>
    <message>
        <source>Gradual release:</source>
        <translation>Utslussning:</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <source>Consent status</source>
        <translation>Samtycken</translation>
    </message>
    <message>
        <source>Active risk flags</source>
        <translation>Aktiva riskmarkeringar</translation>
    </message>
    <message>
        <source>Add &amp;risk flag…</source>
        <translation>Lägg till &amp;riskmarkering…</translation>
    </message>
    <message>
        <source>Re&amp;view…</source>
        <translation>&amp;Se över…</translation>
    </message>
    <message>
        <source>Review the selected risk flag</source>
        <translation>Se över den valda riskmarkeringen</translation>
    </message>
    <message>
        <source>{done} of {total} actions done</source>
        <translation>{done} av {total} insatser klara</translation>
    </message>
    <message>
        <source>1 goal in the current release plan</source>
        <translation>1 mål i den aktuella frigivningsplanen</translation>
    </message>
    <message>
        <source>{n} goals in the current release plan</source>
        <translation>{n} mål i den aktuella frigivningsplanen</translation>
    </message>
    <message>
        <source>No plan actions yet</source>
        <translation>Inga insatser i planen än</translation>
    </message>
    <message>
        <source>Set goals with the client in the release plan.</source>
        <translation>Sätt upp mål tillsammans med klienten i frigivningsplanen.</translation>
    </message>
    <message>
        <source>Since the previous one: {up} domains rated higher, {down} lower, {same} unchanged.</source>
        <translation>Sedan förra: {up} områden skattade högre, {down} lägre, {same} oförändrade.</translation>
    </message>
    <message>
        <source>No earlier assessment to compare with.</source>
        <translation>Ingen tidigare bedömning att jämföra med.</translation>
    </message>
    <message>
        <source>Mean {mean} on {date}</source>
        <translation>Medelvärde {mean} den {date}</translation>
    </message>
    <message>
        <source>Not assessed yet</source>
        <translation>Inte bedömd än</translation>
    </message>
    <message>
        <source>Record an assessment on the Monitoring tab.</source>
        <translation>Registrera en bedömning under fliken Utveckling.</translation>
    </message>
    <message>
        <source>mean engagement {value}/5</source>
        <translation>genomsnittligt engagemang {value}/5</translation>
    </message>
    <message>
        <source>engagement not rated</source>
        <translation>engagemang ej skattat</translation>
    </message>
    <message>
        <source>1 meeting in {days} days</source>
        <translation>1 möte på {days} dagar</translation>
    </message>
    <message>
        <source>{n} meetings in {days} days</source>
        <translation>{n} möten på {days} dagar</translation>
    </message>
    <message>
        <source>{missed} missed; {engagement}; last contact {date}.</source>
        <translation>{missed} uteblivna; {engagement}; senaste kontakt {date}.</translation>
    </message>
    <message>
        <source>Since {date}.</source>
        <translation>Sedan {date}.</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Inte inskriven</translation>
    </message>
    <message>
        <source>No stage recorded.</source>
        <translation>Ingen fas registrerad.</translation>
    </message>
    <message>
        <source>Coordination number:</source>
        <translation>Samordningsnummer:</translation>
    </message>
    <message>
        <source>Yes: protected personal data. Never give out the address or put it on a copy that leaves the service.</source>
        <translation>Ja: skyddade personuppgifter. Lämna aldrig ut adressen och sätt den aldrig på en kopia som lämnar myndigheten.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>No custody recorded</source>
        <translation>Ingen verkställighet registrerad</translation>
    </message>
    <message>
        <source>prison</source>
        <translation>anstalt</translation>
    </message>
    <message>
        <source>remand prison</source>
        <translation>häkte</translation>
    </message>
    <message>
        <source>probation service</source>
        <translation>frivården</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>om {n} dagar</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>för {n} dagar sedan</translation>
    </message>
    <message>
        <source>No valid consent. Referrals cannot be made until the client gives consent for an agency.</source>
        <translation>Inget giltigt samtycke. Remisser kan inte skickas förrän klienten lämnar samtycke för en myndighet.</translation>
    </message>
    <message>
        <source>{agency}: until {date} ({areas})</source>
        <translation>{agency}: till {date} ({areas})</translation>
    </message>
    <message>
        <source>{n} expired or withdrawn.</source>
        <translation>{n} utgångna eller återkallade.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Inga</translation>
    </message>
    <message>
        <source>{n} of {total} need review now.</source>
        <translation>{n} av {total} behöver ses över nu.</translation>
    </message>
</context>
<context>
    <name>PassphraseMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation>Lösenfrasens styrka</translation>
    </message>
    <message>
        <source>Too weak</source>
        <translation>För svag</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Svag</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Godtagbar</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bra</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Use at least %1 characters: a few unrelated words work well.</source>
        <translation>Använd minst %1 tecken: några ord som inte hör ihop fungerar bra.</translation>
    </message>
</context>
<context>
    <name>PlanActionModel</name>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Responsible agency</source>
        <translation>Ansvarig myndighet</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Senast</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{area} — no actions yet</source>
        <translation>{area} — inga insatser än</translation>
    </message>
    <message>
        <source>{area} — {done} of {total} done</source>
        <translation>{area} — {done} av {total} klara</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>S&amp;tart a release plan</source>
        <translation>&amp;Påbörja en frigivningsplan</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Spara utkastet</translation>
    </message>
    <message>
        <source>Save the plan text (Ctrl+S)</source>
        <translation>Spara planens text (Ctrl+S)</translation>
    </message>
    <message>
        <source>New &amp;version</source>
        <translation>Ny &amp;version</translation>
    </message>
    <message>
        <source>Start a new draft copied from the latest version</source>
        <translation>Påbörja ett nytt utkast som kopia av den senaste versionen</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>&amp;Godkänn</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Utfärda</translation>
    </message>
    <message>
        <source>Issue the approved version: it is locked and gets a checksum</source>
        <translation>Utfärda den godkända versionen: den låses och får en kontrollsumma</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>Plan versions</source>
        <translation>Planens versioner</translation>
    </message>
    <message>
        <source>Goals and actions per area</source>
        <translation>Mål och insatser per område</translation>
    </message>
    <message>
        <source>A&amp;dd action…</source>
        <translation>&amp;Lägg till insats…</translation>
    </message>
    <message>
        <source>&amp;Edit action…</source>
        <translation>Ä&amp;ndra insats…</translation>
    </message>
    <message>
        <source>Re&amp;move action</source>
        <translation>Ta &amp;bort insats</translation>
    </message>
    <message>
        <source>No release plan yet</source>
        <translation>Ingen frigivningsplan än</translation>
    </message>
    <message>
        <source>Start a release plan to set goals and actions with the client for the time after release.</source>
        <translation>Påbörja en frigivningsplan för att sätta upp mål och insatser med klienten för tiden efter frigivningen.</translation>
    </message>
    <message>
        <source>Version {n}: {status}</source>
        <translation>Version {n}: {status}</translation>
    </message>
    <message>
        <source>Issued {time}; approved by {who}. This version is locked and cannot change. Checksum (SHA-256): {checksum}</source>
        <translation>Utfärdad {time}; godkänd av {who}. Den här versionen är låst och kan inte ändras. Kontrollsumma (SHA-256): {checksum}</translation>
    </message>
    <message>
        <source>Approved by {who} on {time}. It can be issued, but no longer edited.</source>
        <translation>Godkänd av {who} {time}. Den kan utfärdas men inte längre ändras.</translation>
    </message>
    <message>
        <source>An older draft.</source>
        <translation>Ett äldre utkast.</translation>
    </message>
    <message>
        <source>Draft: edit the text and actions, then a coordinator approves and issues it.</source>
        <translation>Utkast: redigera texten och insatserna, sedan godkänner och utfärdar en samordnare det.</translation>
    </message>
    <message>
        <source>Save the draft first</source>
        <translation>Spara utkastet först</translation>
    </message>
    <message>
        <source>Approve this draft: it can then be issued but not edited</source>
        <translation>Godkänn utkastet: det kan sedan utfärdas men inte ändras</translation>
    </message>
    <message>
        <source>Approve plan</source>
        <translation>Godkänn planen</translation>
    </message>
    <message>
        <source>Approve version {n}? It can then be issued, but no longer edited.</source>
        <translation>Godkänna version {n}? Den kan sedan utfärdas men inte längre ändras.</translation>
    </message>
    <message>
        <source>Issue plan</source>
        <translation>Utfärda planen</translation>
    </message>
    <message>
        <source>Issue version {n}? It is then locked for good and gets a checksum. To change it later, start a new version.</source>
        <translation>Utfärda version {n}? Den låses då för gott och får en kontrollsumma. Påbörja en ny version för att ändra den senare.</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>Ta bort insats</translation>
    </message>
    <message>
        <source>Remove the action “{action}” from this draft?</source>
        <translation>Ta bort insatsen ”{action}” från utkastet?</translation>
    </message>
</context>
<context>
    <name>PlanTextForm</name>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>The client and the risks</source>
        <translation>Klienten och riskerna</translation>
    </message>
    <message>
        <source>After release</source>
        <translation>Efter frigivningen</translation>
    </message>
    <message>
        <source>Lead &amp;coordinator:</source>
        <translation>Ansvarig &amp;samordnare:</translation>
    </message>
    <message>
        <source>Next re&amp;view:</source>
        <translation>Nästa upp&amp;följning:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>The client's &amp;goals:</source>
        <translation>Klientens &amp;mål:</translation>
    </message>
    <message>
        <source>S&amp;trengths:</source>
        <translation>S&amp;tyrkor:</translation>
    </message>
    <message>
        <source>&amp;Risk factors:</source>
        <translation>&amp;Riskfaktorer:</translation>
    </message>
    <message>
        <source>Protecti&amp;ve factors:</source>
        <translation>S&amp;kyddsfaktorer:</translation>
    </message>
    <message>
        <source>&amp;Warning signs:</source>
        <translation>&amp;Varningssignaler:</translation>
    </message>
    <message>
        <source>C&amp;ontingency:</source>
        <translation>&amp;Beredskap:</translation>
    </message>
    <message>
        <source>&amp;First 72 hours:</source>
        <translation>&amp;De första 72 timmarna:</translation>
    </message>
    <message>
        <source>The client &amp;agrees:</source>
        <translation>Klienten &amp;instämmer:</translation>
    </message>
</context>
<context>
    <name>PlanVersionModel</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Godkänd av</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Godkänd</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Utfärdad</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Kontrollsumma</translation>
    </message>
</context>
<context>
    <name>PrintChoosers</name>
    <message>
        <source>Print release plan</source>
        <translation>Skriv ut frigivningsplan</translation>
    </message>
    <message>
        <source>Save release plan as PDF</source>
        <translation>Spara frigivningsplanen som PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the release plans</source>
        <translation>Mapp för frigivningsplanerna</translation>
    </message>
</context>
<context>
    <name>PrintPlanDialog</name>
    <message>
        <source>Print release plan</source>
        <translation>Skriv ut frigivningsplan</translation>
    </message>
    <message>
        <source>Copy for</source>
        <translation>Exemplar för</translation>
    </message>
    <message>
        <source>&amp;Internal copy</source>
        <translation>&amp;Internt exemplar</translation>
    </message>
    <message>
        <source>The whole plan, with risk and protective factors and the monitoring chart. For the case file: it stays within the service.</source>
        <translation>Hela planen, med risk- och skyddsfaktorer och utvecklingsdiagrammet. För akten: det lämnar inte myndigheten.</translation>
    </message>
    <message>
        <source>&amp;Agency copy</source>
        <translation>&amp;Myndighetsexemplar</translation>
    </message>
    <message>
        <source>For one receiving agency: only the areas the client has consented to share with it; no risk section, chart or address.</source>
        <translation>För en mottagande myndighet eller organisation: bara de områden som klienten har samtyckt till att den får ta del av; utan riskavsnitt, diagram och adress.</translation>
    </message>
    <message>
        <source>C&amp;lient's copy</source>
        <translation>&amp;Klientens exemplar</translation>
    </message>
    <message>
        <source>For the client, in plain language; no risk section or chart.</source>
        <translation>För klienten, på lättläst språk; utan riskavsnitt och diagram.</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>Mo&amp;ttagare:</translation>
    </message>
    <message>
        <source>Receiving agency</source>
        <translation>Mottagande myndighet eller organisation</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>Sp&amp;råk:</translation>
    </message>
    <message>
        <source>Language of the plan</source>
        <translation>Planens språk</translation>
    </message>
    <message>
        <source>C&amp;opies:</source>
        <translation>&amp;Antal exemplar:</translation>
    </message>
    <message>
        <source>Number of copies to print</source>
        <translation>Antal exemplar att skriva ut</translation>
    </message>
    <message>
        <source>Each printed copy gets its own copy number and its own line in the print log. Save PDF… saves one copy.</source>
        <translation>Varje utskrivet exemplar får ett eget exemplarnummer och en egen rad i utskriftsloggen. Spara PDF… sparar ett exemplar.</translation>
    </message>
    <message>
        <source>This record has changes that are not saved. The plan prints as it was last saved.</source>
        <translation>Akten har ändringar som inte är sparade. Planen skrivs ut som den senast sparades.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Spara PDF…</translation>
    </message>
    <message>
        <source>Preview of the printed plan</source>
        <translation>Förhandsvisning av den utskrivna planen</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Förbereder förhandsvisningen…</translation>
    </message>
    <message>
        <source>Release plan</source>
        <translation>Frigivningsplan</translation>
    </message>
    <message>
        <source>{name}: no release plan yet</source>
        <translation>{name}: ingen frigivningsplan ännu</translation>
    </message>
    <message>
        <source>{name}: release plan, version {n} ({status})</source>
        <translation>{name}: frigivningsplan, version {n} ({status})</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 sida</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} sidor</translation>
    </message>
    <message>
        <source>{agency}: no valid consent</source>
        <translation>{agency}: inget giltigt samtycke</translation>
    </message>
    <message>
        <source>No agencies are registered. A coordinator adds them under Admin → Agencies.</source>
        <translation>Inga myndigheter eller organisationer är registrerade. En samordnare lägger till dem under Administration → Myndigheter och organisationer.</translation>
    </message>
    <message>
        <source>The client has not given valid consent for {agency}: no agency copy can be printed for it. Record the consent under Referrals and consent in the client's record.</source>
        <translation>Klienten har inte lämnat något giltigt samtycke för {agency}: inget myndighetsexemplar kan skrivas ut till den. Registrera samtycket under Remisser och samtycke i klientens akt.</translation>
    </message>
    <message>
        <source>Choose the agency that receives this copy.</source>
        <translation>Välj den myndighet eller organisation som ska ta emot exemplaret.</translation>
    </message>
    <message>
        <source>Updating the preview…</source>
        <translation>Uppdaterar förhandsvisningen…</translation>
    </message>
    <message>
        <source>release-plan-v{n}-{variant}-{language}.pdf</source>
        <translation>frigivningsplan-v{n}-{variant}-{language}.pdf</translation>
    </message>
    <message>
        <source>Saved copy {number} to {path}.</source>
        <translation>Exemplar {number} har sparats i {path}.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>The printer {printer} could not be used. Check that it is switched on and connected, then try again.</source>
        <translation>Skrivaren {printer} gick inte att använda. Kontrollera att den är påslagen och ansluten och försök sedan igen.</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>Skickar till skrivaren…</translation>
    </message>
    <message>
        <source>Sent {copies} ({pages} pages) to {printer}.</source>
        <translation>Skickade {copies} ({pages} sidor) till {printer}.</translation>
    </message>
    <message>
        <source>{reason} The print log already lists {copies}; note in the record that they were not printed.</source>
        <translation>{reason} Utskriftsloggen visar redan {copies}; anteckna i akten att de inte skrevs ut.</translation>
    </message>
    <message>
        <source>Recording the copies…</source>
        <translation>Registrerar exemplaren…</translation>
    </message>
    <message>
        <source>copy {number}</source>
        <translation>exemplar {number}</translation>
    </message>
    <message>
        <source>copies {first}–{last}</source>
        <translation>exemplar {first}–{last}</translation>
    </message>
</context>
<context>
    <name>ProgrammeTab</name>
    <message>
        <source>C&amp;hange stage…</source>
        <translation>&amp;Byt fas…</translation>
    </message>
    <message>
        <source>Programme path</source>
        <translation>Vägen genom programmet</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Fashistorik</translation>
    </message>
    <message>
        <source>Current stage: {stage}</source>
        <translation>Nuvarande fas: {stage}</translation>
    </message>
    <message>
        <source>Not enrolled in the programme</source>
        <translation>Inte inskriven i programmet</translation>
    </message>
    <message>
        <source>Now: &lt;b&gt;{stage}&lt;/b&gt;</source>
        <translation>Nu: &lt;b&gt;{stage}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>Finns inte än</translation>
    </message>
    <message>
        <source>Not available yet in this version.</source>
        <translation>Finns inte än i den här versionen.</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Erase this person's data</source>
        <translation>Radera personens uppgifter</translation>
    </message>
    <message>
        <source>Purge client</source>
        <translation>Gallra klient</translation>
    </message>
    <message>
        <source>PURGE</source>
        <translation>RADERA</translation>
    </message>
    <message>
        <source>Everything stored about %1 is erased: here, and at every site this database syncs with. Do this only when the person's request to be erased has been granted.</source>
        <translation>Allt som finns lagrat om %1 raderas: här och på alla enheter som den här databasen synkroniseras med. Gör detta bara när personens begäran om radering har beviljats.</translation>
    </message>
    <message>
        <source>Everything stored about %1 is erased: here, and at every site this database syncs with. The record is past its retention period.</source>
        <translation>Allt som finns lagrat om %1 raderas: här och på alla enheter som den här databasen synkroniseras med. Uppgifterna har passerat gallringsfristen.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Det går inte att ångra.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>For example the retention rule, or the date and reference of the erasure request</source>
        <translation>Till exempel gallringsregeln, eller datum och diarienummer för begäran om radering</translation>
    </message>
    <message>
        <source>Confirmation word</source>
        <translation>Bekräftelseord</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation>Skriv %1 för att bekräfta:</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Radera för gott</translation>
    </message>
    <message>
        <source>Purge for good</source>
        <translation>Gallra för gott</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>violent Islamist extremism</source>
        <translation>våldsbejakande islamistisk extremism</translation>
    </message>
    <message>
        <source>violent right-wing extremism</source>
        <translation>våldsbejakande högerextremism</translation>
    </message>
    <message>
        <source>violent left-wing extremism</source>
        <translation>våldsbejakande vänsterextremism</translation>
    </message>
    <message>
        <source>criminal gang</source>
        <translation>kriminellt gäng</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>giltigt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>har upphört</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>återkallat</translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation>ännu inte giltigt</translation>
    </message>
</context>
<context>
    <name>RecordPrompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>You have changes that are not saved yet. Save them before you go on?</source>
        <translation>Du har ändringar som inte är sparade. Vill du spara dem innan du fortsätter?</translation>
    </message>
    <message>
        <source>Something went wrong and nothing was changed. Try again; if it happens again, tell your administrator.</source>
        <translation>Något gick fel och ingenting ändrades. Försök igen; om det händer igen, kontakta din administratör.</translation>
    </message>
    <message>
        <source>Could not complete</source>
        <translation>Kunde inte slutföras</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>New referral</source>
        <translation>Ny remiss</translation>
    </message>
    <message>
        <source>Make referral</source>
        <translation>Skicka remiss</translation>
    </message>
    <message>
        <source>Only agencies the client has given a valid consent for are listed. To refer to another agency, record the client's consent for it first.</source>
        <translation>Bara myndigheter som klienten har lämnat giltigt samtycke för visas. Registrera klientens samtycke först för att remittera till en annan myndighet.</translation>
    </message>
    <message>
        <source>The consent has expired or was withdrawn for: {names}.</source>
        <translation>Samtycket har gått ut eller återkallats för: {names}.</translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation>&amp;Myndighet:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>What the agency is asked to do</source>
        <translation>Vad myndigheten ombeds göra</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Syfte:</translation>
    </message>
</context>
<context>
    <name>ReferralModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Myndighet/organisation</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Syfte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Consent</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtycken</translation>
    </message>
    <message>
        <source>Record &amp;consent…</source>
        <translation>Registrera &amp;samtycke…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Återkalla…</translation>
    </message>
    <message>
        <source>The client withdraws the selected consent</source>
        <translation>Klienten återkallar det valda samtycket</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Remisser</translation>
    </message>
    <message>
        <source>New re&amp;ferral…</source>
        <translation>Ny &amp;remiss…</translation>
    </message>
    <message>
        <source>Record a&amp;nswer</source>
        <translation>Registrera s&amp;var</translation>
    </message>
    <message>
        <source>Record the agency's answer to the selected referral, or close it</source>
        <translation>Registrera myndighetens svar på den valda remissen, eller avsluta den</translation>
    </message>
    <message>
        <source>No agencies are registered yet. A coordinator adds them under Agencies.</source>
        <translation>Inga myndigheter är registrerade än. En samordnare lägger till dem under Myndigheter och organisationer.</translation>
    </message>
    <message>
        <source>Referrals can be made to: {names}.</source>
        <translation>Remisser kan skickas till: {names}.</translation>
    </message>
    <message>
        <source>No agency has a valid consent from the client, so no referral can be made. Record the client's consent first.</source>
        <translation>Ingen myndighet har ett giltigt samtycke från klienten, så ingen remiss kan skickas. Registrera klientens samtycke först.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Återställ från säkerhetskopia</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Säkerhetskopia</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>Administrator in the backup</source>
        <translation>Administratör i säkerhetskopian</translation>
    </message>
    <message>
        <source>Passphrase in the backup</source>
        <translation>Lösenfras i säkerhetskopian</translation>
    </message>
    <message>
        <source>Restoring replaces this database with the backup. The current database is not deleted: it is kept beside it, renamed with “before-restore” and the time. Afterwards the program locks; unlock it with a user name and passphrase as they were when the backup was made.</source>
        <translation>Återställningen ersätter den här databasen med säkerhetskopian. Den nuvarande databasen tas inte bort: den sparas bredvid, med ”before-restore” och tidpunkten i namnet. Efteråt låses programmet; lås upp det med ett användarnamn och en lösenfras som de var när säkerhetskopian gjordes.</translation>
    </message>
    <message>
        <source>&amp;Backup file:</source>
        <translation>&amp;Säkerhetskopia:</translation>
    </message>
    <message>
        <source>&amp;Administrator:</source>
        <translation>&amp;Administratör:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Återställ…</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>Läser säkerhetskopian…</translation>
    </message>
    <message>
        <source>Backup of %1, made %2 by version %3.</source>
        <translation>Säkerhetskopia av %1, gjord %2 med version %3.</translation>
    </message>
    <message>
        <source>Replace the database with the backup of %1 made %2? Changes made since then are not in the backup. The current database is kept aside.</source>
        <translation>Ersätta databasen med säkerhetskopian av %1 från %2? Ändringar som gjorts sedan dess finns inte i säkerhetskopian. Den nuvarande databasen sparas undan.</translation>
    </message>
    <message>
        <source>Restore from backup?</source>
        <translation>Återställa från säkerhetskopia?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>Kontrollerar och återställer säkerhetskopian…</translation>
    </message>
    <message>
        <source>The backup made %1 is restored.</source>
        <translation>Säkerhetskopian från %1 är återställd.</translation>
    </message>
    <message>
        <source>The previous database is kept as %1.</source>
        <translation>Den tidigare databasen sparas som %1.</translation>
    </message>
    <message>
        <source>Unlock with your user name and passphrase as they were in the backup.</source>
        <translation>Lås upp med ditt användarnamn och din lösenfras som de var i säkerhetskopian.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Säkerhetskopian är återställd</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Programme ended</source>
        <translation>Programmet avslutades</translation>
    </message>
    <message>
        <source>How it ended</source>
        <translation>Hur det avslutades</translation>
    </message>
    <message>
        <source>Years since</source>
        <translation>År sedan dess</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Bevaras till och med</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Beslutat</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Retention review</source>
        <translation>Gallringsgenomgång</translation>
    </message>
    <message>
        <source>Retention rules: years kept after the programme ended</source>
        <translation>Gallringsregler: antal år uppgifterna bevaras efter att programmet avslutats</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>&amp;Save rules</source>
        <translation>&amp;Spara regler</translation>
    </message>
    <message>
        <source>Past their retention period</source>
        <translation>Har passerat gallringsfristen</translation>
    </message>
    <message>
        <source>Clients past their retention period</source>
        <translation>Klienter som har passerat gallringsfristen</translation>
    </message>
    <message>
        <source>Place &amp;legal hold…</source>
        <translation>Besluta om &amp;bevarande…</translation>
    </message>
    <message>
        <source>&amp;Purge…</source>
        <translation>&amp;Gallra…</translation>
    </message>
    <message>
        <source>Legal holds</source>
        <translation>Bevarandebeslut</translation>
    </message>
    <message>
        <source>&amp;Release hold…</source>
        <translation>&amp;Häv bevarandebeslut…</translation>
    </message>
    <message>
        <source>%1 past their retention period, %2 on legal hold.</source>
        <translation>%1 har passerat gallringsfristen, %2 har bevarandebeslut.</translation>
    </message>
    <message>
        <source>The rules are unchanged.</source>
        <translation>Reglerna är oförändrade.</translation>
    </message>
    <message>
        <source>Rules saved.</source>
        <translation>Reglerna är sparade.</translation>
    </message>
    <message>
        <source>Legal hold placed.</source>
        <translation>Bevarandebeslut registrerat.</translation>
    </message>
    <message>
        <source>Legal hold released.</source>
        <translation>Bevarandebeslutet har hävts.</translation>
    </message>
    <message>
        <source>Place legal hold</source>
        <translation>Besluta om bevarande</translation>
    </message>
    <message>
        <source>Why must the record of %1 be kept? For example the case or complaint it is needed for.</source>
        <translation>Varför måste uppgifterna om %1 bevaras? Till exempel vilket ärende eller klagomål de behövs för.</translation>
    </message>
    <message>
        <source>Release legal hold</source>
        <translation>Häv bevarandebeslut</translation>
    </message>
    <message>
        <source>Why is the hold on %1 no longer needed?</source>
        <translation>Varför behövs inte längre bevarandebeslutet för %1?</translation>
    </message>
    <message>
        <source>The client is purged. The purge reaches other sites with the next bundle.</source>
        <translation>Klienten är gallrad. Gallringen når andra enheter med nästa paket.</translation>
    </message>
</context>
<context>
    <name>ReviewRiskDialog</name>
    <message>
        <source>Review risk flag</source>
        <translation>Se över riskmarkering</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>Spara översynen</translation>
    </message>
    <message>
        <source>{risk}: review by {date}. Set the next review date, or mark the flag as no longer active.</source>
        <translation>{risk}: ses över senast {date}. Ange nästa datum för översyn, eller markera att risken inte längre är aktuell.</translation>
    </message>
    <message>
        <source>&amp;Next review by:</source>
        <translation>&amp;Nästa översyn senast:</translation>
    </message>
    <message>
        <source>The risk is &amp;no longer active</source>
        <translation>Risken är &amp;inte längre aktuell</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Resultat:</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke %1</source>
        <translation>Återkalla %1</translation>
    </message>
    <message>
        <source>From now on this site refuses every bundle from %1, and changes made there that other sites pass on. Do this when its keys may be in the wrong hands (a lost or stolen computer) or the site closes. Trusting a new identity file from it lifts the revocation.</source>
        <translation>Från och med nu avvisar den här enheten alla paket från %1, och ändringar som gjorts där och som andra enheter skickar vidare. Gör detta när dess nycklar kan ha hamnat i fel händer (en förlorad eller stulen dator) eller när enheten stängs. Återkallelsen upphör om du litar på en ny identitetsfil från enheten.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Orsak:</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Återkalla</translation>
    </message>
</context>
<context>
    <name>RiskFlagDialog</name>
    <message>
        <source>Add risk flag</source>
        <translation>Lägg till riskmarkering</translation>
    </message>
    <message>
        <source>Something staff must keep in mind about the client. It is reviewed by the date you set.</source>
        <translation>Något som personalen måste ha i åtanke om klienten. Den ses över senast det datum du anger.</translation>
    </message>
    <message>
        <source>e.g. contact with the old group, threats, relapse</source>
        <translation>t.ex. kontakt med den gamla gruppen, hot, återfall</translation>
    </message>
    <message>
        <source>&amp;Risk:</source>
        <translation>&amp;Risk:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <source>Re&amp;view by:</source>
        <translation>Ses över &amp;senast:</translation>
    </message>
</context>
<context>
    <name>RiskFlagModel</name>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>Ses över senast</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date} (försenad)</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>Cannot draw the icon {path} ({reason}).</source>
        <translation>Kan inte rita ikonen {path} ({reason}).</translation>
    </message>
    <message>
        <source>The PDF engine cannot open a plan ({reason}).</source>
        <translation>PDF-motorn kan inte öppna en plan ({reason}).</translation>
    </message>
    <message>
        <source>The PDF engine cannot draw a page.</source>
        <translation>PDF-motorn kan inte rita en sida.</translation>
    </message>
    <message>
        <source>The compiled Swedish interface translation is missing.</source>
        <translation>Den kompilerade svenska översättningen av gränssnittet saknas.</translation>
    </message>
    <message>
        <source>Qt modules</source>
        <translation>Qt-moduler</translation>
    </message>
    <message>
        <source>Icons (SVG)</source>
        <translation>Ikoner (SVG)</translation>
    </message>
    <message>
        <source>PDF preview</source>
        <translation>PDF-förhandsvisning</translation>
    </message>
    <message>
        <source>Interface translations</source>
        <translation>Gränssnittets översättningar</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Lock after &amp;idle minutes:</source>
        <translation>Lås efter så många minuters &amp;inaktivitet:</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Lås efter minuters inaktivitet</translation>
    </message>
    <message>
        <source>Remind to &amp;back up after:</source>
        <translation>Påminn om &amp;säkerhetskopiering efter:</translation>
    </message>
    <message>
        <source>Remind when the last backup is older than this many days</source>
        <translation>Påminn när den senaste säkerhetskopian är äldre än så här många dagar</translation>
    </message>
    <message>
        <source>Default &amp;printer:</source>
        <translation>Standard&amp;skrivare:</translation>
    </message>
    <message>
        <source>Default printer</source>
        <translation>Standardskrivare</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <source>The system's default printer</source>
        <translation>Systemets standardskrivare</translation>
    </message>
    <message>
        <source>Printing a release plan starts with this printer; the print dialog can choose another.</source>
        <translation>Utskrift av en frigivningsplan börjar med den här skrivaren; i utskriftsdialogen kan du välja en annan.</translation>
    </message>
    <message>
        <source>{printer} (not found now)</source>
        <translation>{printer} (hittas inte nu)</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>Change stage</source>
        <translation>Byt fas</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>inte inskriven</translation>
    </message>
    <message>
        <source>The client is now at stage: {stage}. Choose the next stage and say why.</source>
        <translation>Klienten är nu i fasen: {stage}. Välj nästa fas och ange varför.</translation>
    </message>
    <message>
        <source>The client is now at stage: {stage}. No stage can follow it.</source>
        <translation>Klienten är nu i fasen: {stage}. Ingen fas kan följa efter den.</translation>
    </message>
    <message>
        <source>&amp;Next stage:</source>
        <translation>&amp;Nästa fas:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Why the client moves to this stage</source>
        <translation>Varför klienten går till den här fasen</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
</context>
<context>
    <name>StageHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Ändrad av</translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message>
        <source>This bundle from %1 was imported before. Importing it again changes nothing.</source>
        <translation>Det här paketet från %1 har importerats tidigare. Att importera det igen ändrar ingenting.</translation>
    </message>
    <message>
        <source>From site: %1</source>
        <translation>Från enheten: %1</translation>
    </message>
    <message>
        <source>Clients concerned: %1</source>
        <translation>Berörda klienter: %1</translation>
    </message>
    <message>
        <source>Records added: %1, changed: %2, deleted: %3, purged: %4</source>
        <translation>Uppgifter tillagda: %1, ändrade: %2, borttagna: %3, rensade: %4</translation>
    </message>
    <message>
        <source>Conflicts: %1 new, %2 open in all</source>
        <translation>Konflikter: %1 nya, %2 olösta totalt</translation>
    </message>
    <message>
        <source>%1 change sets were here already.</source>
        <translation>%1 ändringsuppsättningar fanns redan här.</translation>
    </message>
    <message>
        <source>Changes %1–%2 from site %3 have not arrived; later changes from that site wait until they do. Ask a site that has them for a bundle.</source>
        <translation>Ändringarna %1–%2 från enheten %3 har inte kommit fram; senare ändringar från den enheten väntar tills de gör det. Be en enhet som har dem om ett paket.</translation>
    </message>
    <message>
        <source>%1 change sets made by site %2, which this site does not trust, are left out.</source>
        <translation>%1 ändringsuppsättningar från enheten %2, som den här enheten inte litar på, utelämnas.</translation>
    </message>
    <message>
        <source>Wrote %1 for %2: %3 changes (%4).</source>
        <translation>Skrev %1 till %2: %3 ändringar (%4).</translation>
    </message>
</context>
<context>
    <name>TrustedSitesDialog</name>
    <message>
        <source>Trusted</source>
        <translation>Betrodd</translation>
    </message>
    <message>
        <source>Revoked %1 by %2</source>
        <translation>Återkallad %1 av %2</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingeravtryck</translation>
    </message>
    <message>
        <source>Trusted on</source>
        <translation>Betrodd sedan</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>Senaste import</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Trusted sites</source>
        <translation>Betrodda enheter</translation>
    </message>
    <message>
        <source>This site</source>
        <translation>Den här enheten</translation>
    </message>
    <message>
        <source>&amp;Copy fingerprint</source>
        <translation>&amp;Kopiera fingeravtrycket</translation>
    </message>
    <message>
        <source>&amp;Save identity file…</source>
        <translation>&amp;Spara identitetsfil…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Fingeravtryck:</translation>
    </message>
    <message>
        <source>&amp;Add site…</source>
        <translation>&amp;Lägg till enhet…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Åter&amp;kalla…</translation>
    </message>
    <message>
        <source>Sites this site exchanges bundles with:</source>
        <translation>Enheter som den här enheten utbyter paket med:</translation>
    </message>
    <message>
        <source>The fingerprint is copied.</source>
        <translation>Fingeravtrycket är kopierat.</translation>
    </message>
    <message>
        <source>Save this site's identity file</source>
        <translation>Spara den här enhetens identitetsfil</translation>
    </message>
    <message>
        <source>Identity files (*.identity)</source>
        <translation>Identitetsfiler (*.identity)</translation>
    </message>
    <message>
        <source>Saved %1. Send it to the other site; then read them the fingerprint by phone.</source>
        <translation>Sparade %1. Skicka den till den andra enheten och läs sedan upp fingeravtrycket för dem per telefon.</translation>
    </message>
    <message>
        <source>%1 is now trusted.</source>
        <translation>%1 är nu betrodd.</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>Återkalla %1</translation>
    </message>
    <message>
        <source>Refuse everything from %1 from now on?</source>
        <translation>Avvisa allt från %1 från och med nu?</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Återkalla</translation>
    </message>
    <message>
        <source>%1 is revoked.</source>
        <translation>%1 är återkallad.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Entré Desktop</source>
        <translation>Lås upp Entré Desktop</translation>
    </message>
    <message>
        <source>Unlock the database</source>
        <translation>Lås upp databasen</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>This is the demo database of fictional people. User name: %1, passphrase: %2</source>
        <translation>Det här är demodatabasen med påhittade personer. Användarnamn: %1, lösenfras: %2</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>Wait %1 s</source>
        <translation>Vänta %1 s</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås upp</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Lägg till användare…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Byt &amp;roll…</translation>
    </message>
    <message>
        <source>&amp;Remove user…</source>
        <translation>&amp;Ta bort användare…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <source>Adding %1 and sealing the key for them…</source>
        <translation>Lägger till %1 och förseglar nyckeln åt hen…</translation>
    </message>
    <message>
        <source>Changing the role of %1…</source>
        <translation>Byter roll för %1…</translation>
    </message>
    <message>
        <source>Removing %1 and giving the database a new key…</source>
        <translation>Tar bort %1 och ger databasen en ny nyckel…</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Byt roll</translation>
    </message>
    <message>
        <source>New role for %1:</source>
        <translation>Ny roll för %1:</translation>
    </message>
    <message>
        <source>Remove %1? They will no longer be able to unlock the database.

The database gets a new encryption key, so an old copy of their key slot opens nothing. This takes a moment; everyone else keeps their passphrase.</source>
        <translation>Ta bort %1? Hen kommer inte längre att kunna låsa upp databasen.

Databasen får en ny krypteringsnyckel, så att en gammal kopia av hens nyckelplats inte öppnar något. Det tar en stund; alla andra behåller sina lösenfraser.</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>Ta bort användare</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Återkalla samtycke</translation>
    </message>
    <message>
        <source>The client withdraws the consent for {agency} given on {date}. It stays on record; no new referrals can be made under it.</source>
        <translation>Klienten återkallar samtycket för {agency} som lämnades {date}. Det finns kvar i akten; inga nya remisser kan skickas med stöd av det.</translation>
    </message>
    <message>
        <source>&amp;Withdrawn on:</source>
        <translation>&amp;Återkallat den:</translation>
    </message>
</context>
<context>
    <name>WorkPage</name>
    <message>
        <source>Preparing the database</source>
        <translation>Databasen förbereds</translation>
    </message>
    <message>
        <source>This takes a few seconds.</source>
        <translation>Det tar några sekunder.</translation>
    </message>
    <message>
        <source>Creating the encrypted database and your key…</source>
        <translation>Skapar den krypterade databasen och din nyckel…</translation>
    </message>
    <message>
        <source>Creating the demo database with invented people…</source>
        <translation>Skapar demodatabasen med påhittade personer…</translation>
    </message>
    <message>
        <source>Creating invented people: %1 of %2</source>
        <translation>Skapar påhittade personer: %1 av %2</translation>
    </message>
    <message>
        <source>Done. Press Finish to start working.</source>
        <translation>Klart. Tryck på Slutför för att börja arbeta.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Avbrutet.</translation>
    </message>
    <message>
        <source>The database could not be created.</source>
        <translation>Databasen kunde inte skapas.</translation>
    </message>
</context>
</TS>
