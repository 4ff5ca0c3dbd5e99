<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>CardDelegate</name>
        <message numerus="yes">
            <source>%n episode(s)</source>
            <translation>
                <numerusform>%n episode</numerusform>
                <numerusform>%n episodes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n version(s)</source>
            <translation>
                <numerusform>%n version</numerusform>
                <numerusform>%n versions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IdentifyWorker</name>
        <message numerus="yes">
            <source>%n title(s) could not be looked up and stay pending: %1</source>
            <translation>
                <numerusform>%n title could not be looked up and stays pending: %1</numerusform>
                <numerusform>%n titles could not be looked up and stay pending: %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%1 of %n card(s)</source>
            <translation>
                <numerusform>%1 of %n card</numerusform>
                <numerusform>%1 of %n cards</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n card(s)</source>
            <translation>
                <numerusform>%n card</numerusform>
                <numerusform>%n cards</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MatchDialog</name>
        <message numerus="yes">
            <source>The whole card (%n file(s))</source>
            <translation>
                <numerusform>The whole card (%n file)</numerusform>
                <numerusform>The whole card (%n files)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message numerus="yes">
            <source>%n film(s) on TMDb</source>
            <translation>
                <numerusform>%n film on TMDb</numerusform>
                <numerusform>%n films on TMDb</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n in your library</source>
            <translation>
                <numerusform>%n in your library</numerusform>
                <numerusform>%n in your library</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StatusPanel</name>
        <message numerus="yes">
            <source>%n file(s) scanned</source>
            <translation>
                <numerusform>%n file scanned</numerusform>
                <numerusform>%n files scanned</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n slow-down(s) from TMDb</source>
            <translation>
                <numerusform>%n slow-down from TMDb</numerusform>
                <numerusform>%n slow-downs from TMDb</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scan stopped: %n file(s)</source>
            <translation>
                <numerusform>Scan stopped: %n file</numerusform>
                <numerusform>Scan stopped: %n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scanning: %n file(s)</source>
            <translation>
                <numerusform>Scanning: %n file</numerusform>
                <numerusform>Scanning: %n files</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WatchControl</name>
        <message numerus="yes">
            <source>%n file(s) gone</source>
            <translation>
                <numerusform>%n file gone</numerusform>
                <numerusform>%n files gone</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) missing</source>
            <translation>
                <numerusform>%n file missing</numerusform>
                <numerusform>%n files missing</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) picked up</source>
            <translation>
                <numerusform>%n file picked up</numerusform>
                <numerusform>%n files picked up</numerusform>
            </translation>
        </message>
    </context>
</TS>
