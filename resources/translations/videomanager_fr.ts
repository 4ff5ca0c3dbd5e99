<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>App</name>
        <message>
            <source>Cannot create the data folder %1: %2.</source>
            <translation>Impossible de créer le dossier de données %1 : %2.</translation>
        </message>
    </context>
    <context>
        <name>CardDelegate</name>
        <message>
            <source>matched</source>
            <translation>identifié</translation>
        </message>
        <message>
            <source>manual</source>
            <translation>manuel</translation>
        </message>
        <message>
            <source>ambiguous</source>
            <translation>ambigu</translation>
        </message>
        <message>
            <source>not found</source>
            <translation>introuvable</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>en attente</translation>
        </message>
        <message>
            <source>missing files</source>
            <translation>fichiers manquants</translation>
        </message>
        <message>
            <source>1 episode</source>
            <translation>1 épisode</translation>
        </message>
        <message>
            <source>%1 episodes</source>
            <translation>%1 épisodes</translation>
        </message>
        <message>
            <source>%1 versions</source>
            <translation>%1 versions</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
        <message>
            <source>Fix match…</source>
            <translation>Corriger l’identification…</translation>
        </message>
        <message>
            <source>&lt;b&gt;Versions&lt;/b&gt;</source>
            <translation>&lt;b&gt;Versions&lt;/b&gt;</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Résolution</translation>
        </message>
        <message>
            <source>Edition</source>
            <translation>Édition</translation>
        </message>
        <message>
            <source>Codec</source>
            <translation>Codec</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>Best</source>
            <translation>Meilleure</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Lire</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>Afficher dans le dossier</translation>
        </message>
        <message>
            <source>Split off</source>
            <translation>Séparer</translation>
        </message>
        <message>
            <source>Make the selected version a card of its own</source>
            <translation>Faire de la version sélectionnée une fiche à part</translation>
        </message>
        <message>
            <source>&lt;b&gt;Seasons and episodes&lt;/b&gt;</source>
            <translation>&lt;b&gt;Saisons et épisodes&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Episode</source>
            <translation>Épisode</translation>
        </message>
        <message>
            <source>&lt;b&gt;Extras&lt;/b&gt;</source>
            <translation>&lt;b&gt;Bonus&lt;/b&gt;</translation>
        </message>
        <message>
            <source>original title: %1</source>
            <translation>titre original : %1</translation>
        </message>
        <message>
            <source>no poster</source>
            <translation>pas d’affiche</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>manquant</translation>
        </message>
        <message>
            <source>Season %1</source>
            <translation>Saison %1</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>Select a card to see its details.</source>
            <translation>Sélectionnez une fiche pour en voir les détails.</translation>
        </message>
        <message>
            <source>confidence</source>
            <translation>confiance</translation>
        </message>
        <message>
            <source>Loading details…</source>
            <translation>Chargement des détails…</translation>
        </message>
        <message>
            <source>Director</source>
            <translation>Réalisation</translation>
        </message>
        <message>
            <source>Created by</source>
            <translation>Création</translation>
        </message>
        <message>
            <source>Cast</source>
            <translation>Distribution</translation>
        </message>
        <message>
            <source>Trailer</source>
            <translation>Bande-annonce</translation>
        </message>
        <message>
            <source>trailer</source>
            <translation>bande-annonce</translation>
        </message>
        <message>
            <source>featurette</source>
            <translation>featurette</translation>
        </message>
        <message>
            <source>behind the scenes</source>
            <translation>coulisses</translation>
        </message>
        <message>
            <source>deleted scene</source>
            <translation>scène coupée</translation>
        </message>
        <message>
            <source>interview</source>
            <translation>entretien</translation>
        </message>
        <message>
            <source>scene</source>
            <translation>scène</translation>
        </message>
        <message>
            <source>short</source>
            <translation>court métrage</translation>
        </message>
        <message>
            <source>clip</source>
            <translation>extrait</translation>
        </message>
        <message>
            <source>sample</source>
            <translation>échantillon</translation>
        </message>
        <message>
            <source>other</source>
            <translation>autre</translation>
        </message>
    </context>
    <context>
        <name>EnrichWorker</name>
        <message>
            <source>%1 title(s) could not be looked up and stay pending: %2</source>
            <translation>%1 titre(s) n’ont pas pu être recherchés et restent en attente : %2</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Merge selected cards</source>
            <translation>Fusionner les cartes sélectionnées</translation>
        </message>
        <message>
            <source>Put the files of the selected cards on the current one</source>
            <translation>Mettre les fichiers des cartes sélectionnées sur la carte courante</translation>
        </message>
        <message>
            <source>%1 cards merged into “%2”. Split off undoes it.</source>
            <translation>%1 cartes fusionnées dans « %2 ». « Séparer » l’annule.</translation>
        </message>
        <message>
            <source>Add folder…</source>
            <translation>Ajouter un dossier…</translation>
        </message>
        <message>
            <source>Rescan</source>
            <translation>Réanalyser</translation>
        </message>
        <message>
            <source>Identify</source>
            <translation>Identifier</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Paramètres…</translation>
        </message>
        <message>
            <source>Fix match…</source>
            <translation>Corriger l’identification…</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Principale</translation>
        </message>
        <message>
            <source>Search title, original title, year, path</source>
            <translation>Rechercher un titre, titre original, année, chemin</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Tout</translation>
        </message>
        <message>
            <source>Movies</source>
            <translation>Films</translation>
        </message>
        <message>
            <source>TV</source>
            <translation>Séries</translation>
        </message>
        <message>
            <source>Unidentified</source>
            <translation>Non identifiés</translation>
        </message>
        <message>
            <source>Ambiguous</source>
            <translation>Ambigus</translation>
        </message>
        <message>
            <source>Several versions</source>
            <translation>Plusieurs versions</translation>
        </message>
        <message>
            <source>Missing files</source>
            <translation>Fichiers manquants</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
        <message>
            <source>Date added</source>
            <translation>Date d’ajout</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Résolution</translation>
        </message>
        <message>
            <source>Sort by</source>
            <translation>Trier par</translation>
        </message>
        <message>
            <source>Descending order</source>
            <translation>Ordre décroissant</translation>
        </message>
        <message>
            <source>Add a folder to the library</source>
            <translation>Ajouter un dossier à la vidéothèque</translation>
        </message>
        <message>
            <source>Add a folder first: drop it on the window or use Add folder.</source>
            <translation>Ajoutez d’abord un dossier : déposez-le sur la fenêtre ou utilisez Ajouter un dossier.</translation>
        </message>
        <message>
            <source>The folder %1 could not be read (an unplugged drive?); its files are kept and marked missing.</source>
            <translation>Le dossier %1 n’a pas pu être lu (un disque débranché ?) ; ses fichiers sont conservés et marqués manquants.</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Réessayer</translation>
        </message>
        <message>
            <source>Look up on TMDb what is not identified yet</source>
            <translation>Rechercher sur TMDb ce qui n’est pas encore identifié</translation>
        </message>
        <message>
            <source>Add a TMDb API key in Settings to identify your videos</source>
            <translation>Ajoutez une clé d’API TMDb dans les paramètres pour identifier vos vidéos</translation>
        </message>
        <message>
            <source>No TMDb API key is set: everything works except identification. Get a free key at themoviedb.org (Settings → API) and add it in Settings.</source>
            <translation>Aucune clé d’API TMDb n’est configurée : tout fonctionne sauf l’identification. Obtenez une clé gratuite sur themoviedb.org (Settings → API) et ajoutez-la dans les paramètres.</translation>
        </message>
        <message>
            <source>Open settings</source>
            <translation>Ouvrir les paramètres</translation>
        </message>
        <message>
            <source>The settings dialog is not available.</source>
            <translation>La fenêtre des paramètres n’est pas disponible.</translation>
        </message>
        <message>
            <source>The settings could not be saved: %1</source>
            <translation>Les paramètres n’ont pas pu être enregistrés : %1</translation>
        </message>
        <message>
            <source>Only folders and files on this computer can be added; nothing was added for: %1</source>
            <translation>Seuls les dossiers et fichiers de cet ordinateur peuvent être ajoutés ; rien n’a été ajouté pour : %1</translation>
        </message>
        <message>
            <source>%1 of %2 cards</source>
            <translation>%1 fiches sur %2</translation>
        </message>
        <message>
            <source>1 card</source>
            <translation>1 fiche</translation>
        </message>
        <message>
            <source>%1 cards</source>
            <translation>%1 fiches</translation>
        </message>
        <message>
            <source>Your library is empty.
Drop folders of videos here, or use Add folder.</source>
            <translation>Votre bibliothèque est vide.
Déposez ici des dossiers de vidéos, ou utilisez Ajouter un dossier.</translation>
        </message>
        <message>
            <source>No card matches the search and filter.</source>
            <translation>Aucune fiche ne correspond à la recherche et au filtre.</translation>
        </message>
        <message>
            <source>Forget missing files…</source>
            <translation>Oublier les fichiers manquants…</translation>
        </message>
        <message>
            <source>Take the files that cannot be found out of the library</source>
            <translation>Retirer de la bibliothèque les fichiers introuvables</translation>
        </message>
        <message>
            <source>No file is missing: there is nothing to forget.</source>
            <translation>Aucun fichier ne manque : il n’y a rien à oublier.</translation>
        </message>
        <message>
            <source>Forget 1 missing file?</source>
            <translation>Oublier 1 fichier manquant ?</translation>
        </message>
        <message>
            <source>Forget %1 missing files?</source>
            <translation>Oublier %1 fichiers manquants ?</translation>
        </message>
        <message>
            <source>Forget missing files</source>
            <translation>Oublier les fichiers manquants</translation>
        </message>
        <message>
            <source>They leave the library; nothing on disk is touched. Files on a drive that is unplugged now count as missing too. Your manual matches are kept and come back if the files are found again.</source>
            <translation>Ils quittent la bibliothèque ; rien n’est touché sur le disque. Les fichiers d’un disque débranché en ce moment comptent aussi comme manquants. Vos identifications manuelles sont gardées et reviennent si les fichiers sont retrouvés.</translation>
        </message>
        <message>
            <source>Forget</source>
            <translation>Oublier</translation>
        </message>
        <message>
            <source>Not read: %1</source>
            <translation>Non lus : %1</translation>
        </message>
        <message>
            <source>and %1 more.</source>
            <translation>et %1 de plus.</translation>
        </message>
    </context>
    <context>
        <name>MatchDialog</name>
        <message>
            <source>Fix match: {title}</source>
            <translation>Corriger l’identification : {title}</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>any year</source>
            <translation>toute année</translation>
        </message>
        <message>
            <source>Movie</source>
            <translation>Film</translation>
        </message>
        <message>
            <source>TV show</source>
            <translation>Série</translation>
        </message>
        <message>
            <source>Search TMDb</source>
            <translation>Rechercher sur TMDb</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>TMDb id</source>
            <translation>Id TMDb</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Pourquoi</translation>
        </message>
        <message>
            <source>TMDb id or themoviedb.org address</source>
            <translation>Id TMDb ou adresse themoviedb.org</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>Consulter</translation>
        </message>
        <message>
            <source>TMDb id:</source>
            <translation>Id TMDb :</translation>
        </message>
        <message>
            <source>Apply to</source>
            <translation>Appliquer à</translation>
        </message>
        <message>
            <source>The whole card ({count} files)</source>
            <translation>Toute la fiche ({count} fichiers)</translation>
        </message>
        <message>
            <source>Only this file:</source>
            <translation>Seulement ce fichier :</translation>
        </message>
        <message>
            <source>Apply match</source>
            <translation>Appliquer</translation>
        </message>
        <message>
            <source>Unmatch</source>
            <translation>Dissocier</translation>
        </message>
        <message>
            <source>popularity {value:.0f}</source>
            <translation>popularité {value:.0f}</translation>
        </message>
        <message>
            <source>No candidates: search TMDb or enter an id.</source>
            <translation>Aucun candidat : cherchez sur TMDb ou saisissez un id.</translation>
        </message>
        <message>
            <source>Searching...</source>
            <translation>Recherche…</translation>
        </message>
        <message>
            <source>Searching TMDb for “{title}”...</source>
            <translation>Recherche de « {title} » sur TMDb…</translation>
        </message>
        <message>
            <source>The search failed: {reason}</source>
            <translation>La recherche a échoué : {reason}</translation>
        </message>
        <message>
            <source>{count} results.</source>
            <translation>{count} résultats.</translation>
        </message>
        <message>
            <source>Looking up {kind} {id}...</source>
            <translation>Consultation de {kind} {id}…</translation>
        </message>
        <message>
            <source>Look-up failed: {reason}</source>
            <translation>La consultation a échoué : {reason}</translation>
        </message>
    </context>
    <context>
        <name>Message</name>
        <message>
            <source>Dismiss</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>TMDb</source>
            <translation>TMDb</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requêtes</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Vidéothèque</translation>
        </message>
        <message>
            <source>Interface</source>
            <translation>Interface</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Afficher</translation>
        </message>
        <message>
            <source>32 letters and digits</source>
            <translation>32 lettres et chiffres</translation>
        </message>
        <message>
            <source>a long text starting with eyJ</source>
            <translation>un long texte commençant par eyJ</translation>
        </message>
        <message>
            <source>API key (v3):</source>
            <translation>Clé d’API (v3) :</translation>
        </message>
        <message>
            <source>Read access token (v4):</source>
            <translation>Jeton d’accès en lecture (v4) :</translation>
        </message>
        <message>
            <source>Validate</source>
            <translation>Valider</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucune</translation>
        </message>
        <message>
            <source>Include adult titles in searches</source>
            <translation>Inclure les titres pour adultes dans les recherches</translation>
        </message>
        <message>
            <source>Metadata language:</source>
            <translation>Langue des métadonnées :</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>Région :</translation>
        </message>
        <message>
            <source> per second</source>
            <translation> par seconde</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Pas de limite</translation>
        </message>
        <message>
            <source>Requests:</source>
            <translation>Requêtes :</translation>
        </message>
        <message>
            <source>Daily request limit:</source>
            <translation>Limite quotidienne de requêtes :</translation>
        </message>
        <message>
            <source>Clear cache...</source>
            <translation>Vider le cache…</translation>
        </message>
        <message>
            <source>Delete the cached TMDb answers and posters?</source>
            <translation>Supprimer les réponses TMDb et les affiches en cache ?</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Vider</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>Garder</translation>
        </message>
        <message>
            <source>Cache:</source>
            <translation>Cache :</translation>
        </message>
        <message>
            <source>Folders scanned for videos:</source>
            <translation>Dossiers où chercher des vidéos :</translation>
        </message>
        <message>
            <source>Add folder...</source>
            <translation>Ajouter un dossier…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>Langue du système</translation>
        </message>
        <message>
            <source>Interface language:</source>
            <translation>Langue de l’interface :</translation>
        </message>
        <message>
            <source>Takes effect the next time videomanager starts.</source>
            <translation>Prend effet au prochain démarrage de videomanager.</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Masquer</translation>
        </message>
        <message>
            <source>Empty.</source>
            <translation>Vide.</translation>
        </message>
        <message>
            <source>Detected: v3 API key.</source>
            <translation>Détecté : clé d’API v3.</translation>
        </message>
        <message>
            <source>Detected: v4 read access token.</source>
            <translation>Détecté : jeton d’accès en lecture v4.</translation>
        </message>
        <message>
            <source>Not a TMDb key or token format.</source>
            <translation>Ce n’est pas le format d’une clé ou d’un jeton TMDb.</translation>
        </message>
        <message>
            <source>This is a v3 API key: it belongs in the API key field (it will still work).</source>
            <translation>C’est une clé d’API v3 : elle va dans le champ Clé d’API (elle fonctionnera quand même).</translation>
        </message>
        <message>
            <source>This is a v4 token: it belongs in the access token field (it will still work).</source>
            <translation>C’est un jeton v4 : il va dans le champ Jeton d’accès (il fonctionnera quand même).</translation>
        </message>
        <message>
            <source>Copy it again from the API page of your TMDb account.</source>
            <translation>Copiez-la de nouveau depuis la page API de votre compte TMDb.</translation>
        </message>
        <message>
            <source>Spaces, quotes or a prefix were removed: check it was copied whole.</source>
            <translation>Des espaces, guillemets ou un préfixe ont été retirés : vérifiez qu’elle a été copiée en entier.</translation>
        </message>
        <message>
            <source>Checking with TMDb...</source>
            <translation>Vérification auprès de TMDb…</translation>
        </message>
        <message>
            <source>No API key or token: films cannot be identified.</source>
            <translation>Aucune clé ni jeton : les films ne peuvent pas être identifiés.</translation>
        </message>
        <message>
            <source>Not checked yet.</source>
            <translation>Pas encore vérifiée.</translation>
        </message>
        <message>
            <source>Valid (checked at {time}).</source>
            <translation>Valide (vérifiée à {time}).</translation>
        </message>
        <message>
            <source>Invalid: {message}</source>
            <translation>Refusée : {message}</translation>
        </message>
        <message>
            <source>Could not reach TMDb: {message}</source>
            <translation>TMDb injoignable : {message}</translation>
        </message>
        <message>
            <source>Checking...</source>
            <translation>Vérification…</translation>
        </message>
        <message>
            <source>{count} used today</source>
            <translation>{count} utilisées aujourd’hui</translation>
        </message>
        <message>
            <source>Could not clear the cache: {reason}</source>
            <translation>Le cache n’a pas pu être vidé : {reason}</translation>
        </message>
        <message>
            <source>Cache cleared.</source>
            <translation>Cache vidé.</translation>
        </message>
        <message>
            <source>Add a library folder</source>
            <translation>Ajouter un dossier à la vidéothèque</translation>
        </message>
        <message>
            <source>The check failed unexpectedly (%1).</source>
            <translation>La vérification a échoué de façon inattendue (%1).</translation>
        </message>
        <message>
            <source>When you press OK, the removed folders leave the library with their videos (the files on disk are not touched). Your manual matches are kept: they come back if you add a folder again.</source>
            <translation>Quand vous appuyez sur OK, les dossiers retirés quittent la bibliothèque avec leurs vidéos (les fichiers sur le disque ne sont pas touchés). Vos identifications manuelles sont gardées : elles reviennent si vous ajoutez de nouveau un dossier.</translation>
        </message>
    </context>
    <context>
        <name>StatusPanel</name>
        <message>
            <source>Scanning: %1 files</source>
            <translation>Analyse : %1 fichiers</translation>
        </message>
        <message>
            <source>Scan stopped: %1 files</source>
            <translation>Analyse arrêtée : %1 fichiers</translation>
        </message>
        <message>
            <source>Scanning: %1 files found, %2 read</source>
            <translation>Analyse : %1 fichiers trouvés, %2 lus</translation>
        </message>
        <message>
            <source>Scanning: %1 of %2 files read</source>
            <translation>Analyse : %1 fichiers lus sur %2</translation>
        </message>
        <message>
            <source>%1 left</source>
            <translation>encore %1</translation>
        </message>
        <message>
            <source>%1 files scanned</source>
            <translation>%1 fichiers analysés</translation>
        </message>
        <message>
            <source>Identified %1 / %2</source>
            <translation>Identifiés %1 / %2</translation>
        </message>
        <message>
            <source>Rate-limit waits: %1 in all</source>
            <translation>Attente (limite de débit) : %1 au total</translation>
        </message>
        <message>
            <source>%1 slow-downs from TMDb</source>
            <translation>%1 ralentissements demandés par TMDb</translation>
        </message>
        <message>
            <source>Time requests spent waiting, added up over all requests, so as to stay within the requests per second set in Settings.</source>
            <translation>Temps d’attente des requêtes, additionné sur toutes les requêtes, pour rester sous le nombre de requêtes par seconde choisi dans les Paramètres.</translation>
        </message>
        <message>
            <source>Time left: %1</source>
            <translation>Temps restant : %1</translation>
        </message>
        <message>
            <source>(stopped)</source>
            <translation>(arrêté)</translation>
        </message>
        <message>
            <source>Requests today: %1 / %2</source>
            <translation>Requêtes aujourd’hui : %1 / %2</translation>
        </message>
        <message>
            <source>Requests today: %1</source>
            <translation>Requêtes aujourd’hui : %1</translation>
        </message>
    </context>
</TS>
