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
            <source>missing</source>
            <translation>manquant</translation>
        </message>
        <message numerus="yes">
            <source>%n episode(s)</source>
            <translation>
                <numerusform>%n épisode</numerusform>
                <numerusform>%n épisodes</numerusform>
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
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Aired</source>
            <translation>Diffusion</translation>
        </message>
        <message>
            <source>%1 of %2 episodes</source>
            <translation>%1 épisodes sur %2</translation>
        </message>
        <message>
            <source>%1 missing: %2</source>
            <translation>%1 manquants : %2</translation>
        </message>
        <message>
            <source>Specials</source>
            <translation>Épisodes spéciaux</translation>
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
        <message>
            <source>Missing (not found at the last scan): %1</source>
            <translation>Manquant (introuvable à la dernière analyse) : %1</translation>
        </message>
        <message>
            <source>%1 is missing: it may be on a drive that is not plugged in.</source>
            <translation>%1 est introuvable : il est peut-être sur un disque qui n’est pas branché.</translation>
        </message>
        <message>
            <source>No program on this system opens %1.</source>
            <translation>Aucun programme de ce système n’ouvre %1.</translation>
        </message>
    </context>
    <context>
        <name>IdentifyWorker</name>
        <message numerus="yes">
            <source>%n title(s) could not be looked up and stay pending: %1</source>
            <translation>
                <numerusform>%n titre n’a pas pu être recherché et reste en attente : %1</numerusform>
                <numerusform>%n titres n’ont pas pu être recherchés et restent en attente : %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>%1 sent to the trash (%2).</source>
            <translation>%1 mis à la corbeille (%2).</translation>
        </message>
        <message>
            <source>Copies of the same film and edition, and the space they take</source>
            <translation>Les copies d’un même film et d’une même édition, et l’espace qu’elles occupent</translation>
        </message>
        <message>
            <source>Duplicates and space…</source>
            <translation>Doublons et espace…</translation>
        </message>
        <message>
            <source>Media info: %1 / %2 files</source>
            <translation>Infos média : %1 / %2 fichiers</translation>
        </message>
        <message>
            <source>Not sent to the trash: %1 (%2).</source>
            <translation>Pas mis à la corbeille : %1 (%2).</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>À vérifier</translation>
        </message>
        <message>
            <source>Review (%1)</source>
            <translation>À vérifier (%1)</translation>
        </message>
        <message>
            <source>The cards that need you: ambiguous, low confidence, runtime or name disagrees</source>
            <translation>Les fiches qui ont besoin de vous : ambiguës, peu sûres, durée ou nom en désaccord</translation>
        </message>
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
        <message>
            <source>Stopping…</source>
            <translation>Arrêt en cours…</translation>
        </message>
        <message>
            <source>Organize files…</source>
            <translation>Organiser les fichiers…</translation>
        </message>
        <message>
            <source>Rename and move files as Plex or Jellyfin expect them, with a preview and undo</source>
            <translation>Renommer et déplacer les fichiers comme Plex ou Jellyfin les attendent, avec un aperçu et une annulation</translation>
        </message>
        <message>
            <source>%1 no longer exists and every file in it was found elsewhere: it is no longer a library folder.</source>
            <translation>%1 n’existe plus et tous ses fichiers ont été retrouvés ailleurs : ce n’est plus un dossier de la vidéothèque.</translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n card(s)</source>
            <translation>
                <numerusform>%1 sur %n carte</numerusform>
                <numerusform>%1 sur %n cartes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n card(s)</source>
            <translation>
                <numerusform>%n carte</numerusform>
                <numerusform>%n cartes</numerusform>
            </translation>
        </message>
        <message>
            <source>Collections with gaps</source>
            <translation>Collections incomplètes</translation>
        </message>
        <message>
            <source>Unseen</source>
            <translation>Non vus</translation>
        </message>
        <message>
            <source>Look again at the titles not found or ambiguous</source>
            <translation>Rechercher à nouveau les titres introuvables ou ambigus</translation>
        </message>
        <message>
            <source>Nothing to identify: every title has been looked up already.</source>
            <translation>Rien à identifier : tous les titres ont déjà été recherchés.</translation>
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
        <message>
            <source>TMDb's answer could not be read.</source>
            <translation>La réponse de TMDb est illisible.</translation>
        </message>
        <message numerus="yes">
            <source>The whole card (%n file(s))</source>
            <translation>
                <numerusform>Toute la carte (%n fichier)</numerusform>
                <numerusform>Toute la carte (%n fichiers)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>Merge cards</source>
            <translation>Fusionner des fiches</translation>
        </message>
        <message>
            <source>These cards are different titles on TMDb. Which one does the merged card keep?</source>
            <translation>Ces fiches sont des titres différents sur TMDb. Lequel la fiche fusionnée garde-t-elle ?</translation>
        </message>
        <message>
            <source>TV show</source>
            <translation>Série</translation>
        </message>
        <message>
            <source>Movie</source>
            <translation>Film</translation>
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
        <message>
            <source>Could not reach TMDb: check your internet connection, then Validate again.</source>
            <translation>Impossible de joindre TMDb : vérifiez votre connexion Internet, puis validez à nouveau.</translation>
        </message>
        <message>
            <source>Invalid: TMDb refused this API key or access token; check it, or get one at themoviedb.org.</source>
            <translation>Non valide : TMDb a refusé cette clé d’API ou ce jeton d’accès ; vérifiez-le, ou obtenez-en un sur themoviedb.org.</translation>
        </message>
        <message>
            <source>Play marks the video as seen</source>
            <translation>Lire marque la vidéo comme vue</translation>
        </message>
        <message>
            <source>Watch the library folders: show new, changed and removed files without Rescan</source>
            <translation>Surveiller les dossiers de la vidéothèque : afficher les fichiers nouveaux, modifiés ou supprimés sans réanalyse</translation>
        </message>
    </context>
    <context>
        <name>StatusPanel</name>
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
            <source>Identified %1 / %2</source>
            <translation>Identifiés %1 / %2</translation>
        </message>
        <message>
            <source>Rate-limit waits: %1 in all</source>
            <translation>Attente (limite de débit) : %1 au total</translation>
        </message>
        <message>
            <source>Time requests spent waiting, added up over all requests, so as to stay within the requests per second set in Settings.</source>
            <translation>Temps d’attente des requêtes, additionné sur toutes les requêtes, pour rester sous le nombre de requêtes par seconde choisi dans les Paramètres.</translation>
        </message>
        <message>
            <source>Waiting to retry after errors: %1</source>
            <translation>Attente avant nouvel essai après des erreurs : %1</translation>
        </message>
        <message>
            <source>Time spent waiting before trying again after TMDb or the network failed.</source>
            <translation>Temps passé à attendre avant de réessayer après une panne de TMDb ou du réseau.</translation>
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
        <message numerus="yes">
            <source>%n file(s) scanned</source>
            <translation>
                <numerusform>%n fichier analysé</numerusform>
                <numerusform>%n fichiers analysés</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n slow-down(s) from TMDb</source>
            <translation>
                <numerusform>%n ralentissement de TMDb</numerusform>
                <numerusform>%n ralentissements de TMDb</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scan stopped: %n file(s)</source>
            <translation>
                <numerusform>Analyse arrêtée : %n fichier</numerusform>
                <numerusform>Analyse arrêtée : %n fichiers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scanning: %n file(s)</source>
            <translation>
                <numerusform>Analyse : %n fichier</numerusform>
                <numerusform>Analyse : %n fichiers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CollectionDialog</name>
        <message>
            <source>%1: you own %2 of %3</source>
            <translation>%1 : vous en avez %2 sur %3</translation>
        </message>
        <message>
            <source>Collection</source>
            <translation>Collection</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>manquant</translation>
        </message>
        <message>
            <source>owned</source>
            <translation>dans la vidéothèque</translation>
        </message>
    </context>
    <context>
        <name>CollectionsControl</name>
        <message>
            <source>%1: you own %2 of %3</source>
            <translation>%1 : vous en avez %2 sur %3</translation>
        </message>
        <message>
            <source>Part of %1</source>
            <translation>Fait partie de %1</translation>
        </message>
        <message>
            <source>Show the film's collection</source>
            <translation>Afficher la collection du film</translation>
        </message>
        <message>
            <source>a collection</source>
            <translation>une collection</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>%1 cannot be read, so the decision cannot be attached to it.</source>
            <translation>%1 ne peut pas être lu : la décision ne peut pas lui être attachée.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1 : %2</translation>
        </message>
        <message>
            <source>A TMDb id is a positive number, for a movie or a TV show.</source>
            <translation>Un identifiant TMDb est un nombre positif, d’un film ou d’une série.</translation>
        </message>
        <message>
            <source>Could not reach TMDb: check your internet connection.</source>
            <translation>Impossible de joindre TMDb : vérifiez votre connexion Internet.</translation>
        </message>
        <message>
            <source>Could not write to the library: the disk may be full or read-only.</source>
            <translation>Impossible d’écrire dans la vidéothèque : le disque est peut-être plein ou en lecture seule.</translation>
        </message>
        <message>
            <source>Daily TMDb request limit reached (%1 of %2): identification continues tomorrow, or raise the limit in Settings.</source>
            <translation>Limite quotidienne de requêtes TMDb atteinte (%1 sur %2) : l’identification reprendra demain, ou relevez la limite dans les Paramètres.</translation>
        </message>
        <message>
            <source>No TMDb credential configured: add your API key in Settings.</source>
            <translation>Aucun identifiant TMDb configuré : ajoutez votre clé d’API dans les Paramètres.</translation>
        </message>
        <message>
            <source>None of those files is in the library.</source>
            <translation>Aucun de ces fichiers n’est dans la vidéothèque.</translation>
        </message>
        <message>
            <source>TMDb has no item with this id: check the id or search for the title instead.</source>
            <translation>TMDb n’a rien sous cet identifiant : vérifiez-le, ou recherchez plutôt le titre.</translation>
        </message>
        <message>
            <source>TMDb is not available right now: try again in a few minutes.</source>
            <translation>TMDb n’est pas disponible pour le moment : réessayez dans quelques minutes.</translation>
        </message>
        <message>
            <source>TMDb kept answering 'too many requests' even after waiting: try again in a minute or lower the request rate in Settings.</source>
            <translation>TMDb a continué de répondre « trop de requêtes » malgré l’attente : réessayez dans une minute ou baissez le débit de requêtes dans les Paramètres.</translation>
        </message>
        <message>
            <source>TMDb kept answering 'too many requests' for several titles in a row, so identification stopped: try again later or lower the request rate in Settings.</source>
            <translation>TMDb a répondu « trop de requêtes » pour plusieurs titres d’affilée, l’identification s’est donc arrêtée : réessayez plus tard ou baissez le débit de requêtes dans les Paramètres.</translation>
        </message>
        <message>
            <source>TMDb refused the credential (invalid API key or access token): check the API key or read access token in Settings.</source>
            <translation>TMDb a refusé l’identifiant (clé d’API ou jeton d’accès non valide) : vérifiez la clé d’API ou le jeton d’accès en lecture dans les Paramètres.</translation>
        </message>
        <message>
            <source>TMDb rejected the request parameters: check the search text and filters.</source>
            <translation>TMDb a refusé les paramètres de la requête : vérifiez le texte recherché et les filtres.</translation>
        </message>
        <message>
            <source>TMDb returned an unexpected answer: try again later.</source>
            <translation>TMDb a renvoyé une réponse inattendue : réessayez plus tard.</translation>
        </message>
        <message>
            <source>TMDb sent an answer that does not have the expected shape (a fault on TMDb's side or a proxy's): try again later.</source>
            <translation>TMDb a envoyé une réponse qui n’a pas la forme attendue (un défaut du côté de TMDb ou d’un proxy) : réessayez plus tard.</translation>
        </message>
        <message>
            <source>The TMDb request was stopped.</source>
            <translation>La requête TMDb a été arrêtée.</translation>
        </message>
        <message>
            <source>The daily TMDb request limit is reached: identification continues tomorrow, or raise the limit in Settings.</source>
            <translation>La limite quotidienne de requêtes TMDb est atteinte : l’identification reprendra demain, ou relevez la limite dans les Paramètres.</translation>
        </message>
        <message>
            <source>The library could not be changed.</source>
            <translation>La vidéothèque n’a pas pu être modifiée.</translation>
        </message>
        <message>
            <source>The library is busy: another videomanager is writing to it; try again when it has finished.</source>
            <translation>La vidéothèque est occupée : un autre videomanager y écrit ; réessayez quand il aura fini.</translation>
        </message>
        <message>
            <source>The library is open read-only; nothing can be changed.</source>
            <translation>La vidéothèque est ouverte en lecture seule ; rien ne peut être modifié.</translation>
        </message>
        <message>
            <source>The title to keep is not one of the merged cards'.</source>
            <translation>Le titre à garder n’est pas celui d’une des cartes fusionnées.</translation>
        </message>
        <message>
            <source>These cards are different titles on TMDb: choose the one the merged card keeps.</source>
            <translation>Ces cartes sont des titres différents sur TMDb : choisissez celui que garde la carte fusionnée.</translation>
        </message>
        <message>
            <source>a system error</source>
            <translation>une erreur du système</translation>
        </message>
        <message>
            <source>an input/output error (a failing disk or an unplugged drive?)</source>
            <translation>une erreur d’entrée-sortie (un disque défaillant ou débranché ?)</translation>
        </message>
        <message>
            <source>cannot be read</source>
            <translation>illisible</translation>
        </message>
        <message>
            <source>it does not exist (any more)</source>
            <translation>il n’existe pas (ou plus)</translation>
        </message>
        <message>
            <source>it is not a folder</source>
            <translation>ce n’est pas un dossier</translation>
        </message>
        <message>
            <source>not a regular file</source>
            <translation>pas un fichier ordinaire</translation>
        </message>
        <message>
            <source>operation not permitted</source>
            <translation>opération non permise</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>permission refusée</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>ignoré</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <translation>le disque est plein</translation>
        </message>
        <message>
            <source>the disk is read-only</source>
            <translation>le disque est en lecture seule</translation>
        </message>
        <message>
            <source>a named pipe (FIFO)</source>
            <translation>un tube nommé (FIFO)</translation>
        </message>
        <message>
            <source>a socket</source>
            <translation>un socket</translation>
        </message>
        <message>
            <source>a device</source>
            <translation>un périphérique</translation>
        </message>
        <message>
            <source>a folder</source>
            <translation>un dossier</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <source>&amp;About videomanager</source>
            <translation>À &amp;propos de videomanager</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>&amp;Taille normale</translation>
        </message>
        <message>
            <source>&amp;Descending order</source>
            <translation>Ordre &amp;décroissant</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Édition</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;Filter</source>
            <translation>&amp;Filtre</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Rechercher</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <source>&amp;Library</source>
            <translation>&amp;Vidéothèque</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Sort by</source>
            <translation>&amp;Trier par</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>A video library manager: one card per film or show, with all its versions.</source>
            <translation>Un gestionnaire de vidéothèque : une carte par film ou série, avec toutes ses versions.</translation>
        </message>
        <message>
            <source>About videomanager</source>
            <translation>À propos de videomanager</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Arrow keys, Home, End, Page Up, Page Down</source>
            <translation>Flèches, Début, Fin, Page précédente, Page suivante</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Entrée</translation>
        </message>
        <message>
            <source>Film and show data and images come from %1.</source>
            <translation>Les données et images des films et séries viennent de %1.</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Touches</translation>
        </message>
        <message>
            <source>Move between cards</source>
            <translation>Aller d’une carte à l’autre</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Lire</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>Tout &amp;sélectionner</translation>
        </message>
        <message>
            <source>Select several cards</source>
            <translation>Sélectionner plusieurs cartes</translation>
        </message>
        <message>
            <source>Shift or Ctrl with the arrows or a click</source>
            <translation>Maj ou Ctrl avec les flèches ou un clic</translation>
        </message>
        <message>
            <source>Show the card's details</source>
            <translation>Afficher le détail de la carte</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>Espace</translation>
        </message>
        <message>
            <source>This product uses the TMDB API but is not endorsed or certified by TMDB.</source>
            <translation>Ce produit utilise l’API de TMDB mais n’est ni approuvé ni certifié par TMDB.</translation>
        </message>
        <message>
            <source>Version %1 · Python %2 · Qt %3 · PySide6 %4 · %5</source>
            <translation>Version %1 · Python %2 · Qt %3 · PySide6 %4 · %5</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;avant</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Zoom a&amp;rrière</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message numerus="yes">
            <source>%n film(s) on TMDb</source>
            <translation>
                <numerusform>%n film sur TMDb</numerusform>
                <numerusform>%n films sur TMDb</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n in your library</source>
            <translation>
                <numerusform>%n dans votre vidéothèque</numerusform>
                <numerusform>%n dans votre vidéothèque</numerusform>
            </translation>
        </message>
        <message>
            <source>Cast</source>
            <translation>Distribution</translation>
        </message>
        <message>
            <source>Director</source>
            <translation>Réalisation</translation>
        </message>
        <message>
            <source>In library</source>
            <translation>Possédé</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
    </context>
    <context>
        <name>Reasons</name>
        <message>
            <source>2nd best %1</source>
            <translation>2e meilleur %1</translation>
        </message>
        <message>
            <source>IMDb id %1</source>
            <translation>identifiant IMDb %1</translation>
        </message>
        <message>
            <source>TMDb id %1 in the file name</source>
            <translation>identifiant TMDb %1 dans le nom du fichier</translation>
        </message>
        <message>
            <source>TMDb rejected the request</source>
            <translation>TMDb a refusé la requête</translation>
        </message>
        <message>
            <source>runtime %1 min agrees</source>
            <translation>durée de %1 min concordante</translation>
        </message>
        <message>
            <source>runtime %1 min (the file runs %2 min)</source>
            <translation>durée de %1 min (le fichier dure %2 min)</translation>
        </message>
        <message>
            <source>TVDB id %1</source>
            <translation>identifiant TVDB %1</translation>
        </message>
        <message>
            <source>below the %1 floor</source>
            <translation>sous le seuil de %1</translation>
        </message>
        <message>
            <source>best %1 (%2) is too far</source>
            <translation>le meilleur, %1 (%2), est trop loin</translation>
        </message>
        <message>
            <source>country %1</source>
            <translation>pays %1</translation>
        </message>
        <message>
            <source>extras without their film</source>
            <translation>bonus sans leur film</translation>
        </message>
        <message>
            <source>merged by you</source>
            <translation>fusionné par vous</translation>
        </message>
        <message>
            <source>no other candidate</source>
            <translation>aucun autre candidat</translation>
        </message>
        <message>
            <source>no result on TMDb</source>
            <translation>aucun résultat sur TMDb</translation>
        </message>
        <message>
            <source>no year in the name</source>
            <translation>pas d’année dans le nom</translation>
        </message>
        <message>
            <source>no year on TMDb</source>
            <translation>pas d’année sur TMDb</translation>
        </message>
        <message>
            <source>not from %1</source>
            <translation>pas de %1</translation>
        </message>
        <message>
            <source>nothing to look up in the file name</source>
            <translation>rien à rechercher dans le nom du fichier</translation>
        </message>
        <message>
            <source>only %1 seasons</source>
            <translation>seulement %1 saisons</translation>
        </message>
        <message>
            <source>original language %1</source>
            <translation>langue originale %1</translation>
        </message>
        <message>
            <source>released %1 somewhere (first %2)</source>
            <translation>sorti en %1 quelque part (d’abord en %2)</translation>
        </message>
        <message>
            <source>set by you</source>
            <translation>choisi par vous</translation>
        </message>
        <message>
            <source>split off by you</source>
            <translation>séparé par vous</translation>
        </message>
        <message>
            <source>the id in the file name (%1) is not on TMDb</source>
            <translation>l’identifiant du nom du fichier (%1) n’est pas sur TMDb</translation>
        </message>
        <message>
            <source>title %1</source>
            <translation>titre %1</translation>
        </message>
        <message>
            <source>too close to choose</source>
            <translation>trop proches pour choisir</translation>
        </message>
        <message>
            <source>unmatched by you</source>
            <translation>dissocié par vous</translation>
        </message>
        <message>
            <source>year %1</source>
            <translation>année %1</translation>
        </message>
        <message>
            <source>year exact</source>
            <translation>année exacte</translation>
        </message>
        <message>
            <source>year off by one (%1)</source>
            <translation>année à un an près (%1)</translation>
        </message>
        <message>
            <source>year off by two (%1)</source>
            <translation>année à deux ans près (%1)</translation>
        </message>
    </context>
    <context>
        <name>SeenControl</name>
        <message>
            <source>Mark the selected cards as seen, or not seen</source>
            <translation>Marquer les cartes sélectionnées comme vues, ou non vues</translation>
        </message>
        <message>
            <source>Seen</source>
            <translation>Vu</translation>
        </message>
    </context>
    <context>
        <name>Units</name>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1 h %2 min</translation>
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation>%1 min %2 s</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>B</source>
            <translation>o</translation>
        </message>
        <message>
            <source>GB</source>
            <translation>Go</translation>
        </message>
        <message>
            <source>KB</source>
            <translation>Ko</translation>
        </message>
        <message>
            <source>MB</source>
            <translation>Mo</translation>
        </message>
        <message>
            <source>TB</source>
            <translation>To</translation>
        </message>
    </context>
    <context>
        <name>WatchControl</name>
        <message>
            <source>%1 is not watched (%2): what changes there shows after Rescan.</source>
            <translation>%1 n’est pas surveillé (%2) : ce qui y change apparaîtra après une réanalyse.</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) gone</source>
            <translation>
                <numerusform>%n fichier disparu</numerusform>
                <numerusform>%n fichiers disparus</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) missing</source>
            <translation>
                <numerusform>%n fichier manquant</numerusform>
                <numerusform>%n fichiers manquants</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) picked up</source>
            <translation>
                <numerusform>%n fichier ajouté</numerusform>
                <numerusform>%n fichiers ajoutés</numerusform>
            </translation>
        </message>
        <message>
            <source>Library folders: %1</source>
            <translation>Dossiers de la vidéothèque : %1</translation>
        </message>
    </context>
    <context>
        <name>OrganizeDialog</name>
        <message>
            <source>%1 files moved; %2 left where they were. Undo puts them back.</source>
            <translation>%1 fichiers déplacés ; %2 laissés à leur place. Annuler les remet en place.</translation>
        </message>
        <message>
            <source>%1 files put back where they were; %2 could not be.</source>
            <translation>%1 fichiers remis à leur place ; %2 n’ont pas pu l’être.</translation>
        </message>
        <message>
            <source>%1 files to move, %2 left where they are, %3 naming problems. Nothing has moved yet.</source>
            <translation>%1 fichiers à déplacer, %2 laissés à leur place, %3 problèmes de nommage. Rien n’a encore été déplacé.</translation>
        </message>
        <message>
            <source>A scan is under way: wait for it to finish, then try again.</source>
            <translation>Une analyse est en cours : attendez qu’elle se termine, puis réessayez.</translation>
        </message>
        <message>
            <source>An extra would be taken for a film</source>
            <translation>Un bonus serait pris pour un film</translation>
        </message>
        <message>
            <source>Another title's id</source>
            <translation>L’identifiant d’un autre titre</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Appliquer</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <source>Choose a scheme and press Preview: nothing moves before Apply.</source>
            <translation>Choisissez un modèle et cliquez sur Aperçu : rien n’est déplacé avant Appliquer.</translation>
        </message>
        <message>
            <source>Empty: each file stays in its library folder</source>
            <translation>Vide : chaque fichier reste dans son dossier de bibliothèque</translation>
        </message>
        <message>
            <source>Episode outside a show folder</source>
            <translation>Épisode hors d’un dossier de série</translation>
        </message>
        <message>
            <source>Episode outside its season folder</source>
            <translation>Épisode hors du dossier de sa saison</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Fichiers</translation>
        </message>
        <message>
            <source>For</source>
            <translation>Pour</translation>
        </message>
        <message>
            <source>From</source>
            <translation>De</translation>
        </message>
        <message>
            <source>Jellyfin, Emby, Kodi</source>
            <translation>Jellyfin, Emby, Kodi</translation>
        </message>
        <message>
            <source>Left where they are</source>
            <translation>Laissés à leur place</translation>
        </message>
        <message>
            <source>Move into:</source>
            <translation>Déplacer dans :</translation>
        </message>
        <message>
            <source>Move the organized files into</source>
            <translation>Déplacer les fichiers organisés dans</translation>
        </message>
        <message>
            <source>Moves</source>
            <translation>Déplacements</translation>
        </message>
        <message>
            <source>Moving %1 files…</source>
            <translation>Déplacement de %1 fichiers…</translation>
        </message>
        <message>
            <source>Naming problems</source>
            <translation>Problèmes de nommage</translation>
        </message>
        <message>
            <source>Naming scheme:</source>
            <translation>Modèle de nommage :</translation>
        </message>
        <message>
            <source>No year</source>
            <translation>Pas d’année</translation>
        </message>
        <message>
            <source>Organize files</source>
            <translation>Organiser les fichiers</translation>
        </message>
        <message>
            <source>Plex</source>
            <translation>Plex</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Aperçu</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problème</translation>
        </message>
        <message>
            <source>Putting the files of the last run back…</source>
            <translation>Remise en place des fichiers de la dernière opération…</translation>
        </message>
        <message>
            <source>Several titles in one folder</source>
            <translation>Plusieurs titres dans un dossier</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
        <message>
            <source>Stopped before the end.</source>
            <translation>Arrêté avant la fin.</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Vers</translation>
        </message>
        <message>
            <source>Undo last run</source>
            <translation>Annuler la dernière opération</translation>
        </message>
        <message>
            <source>Versions would be split</source>
            <translation>Les versions seraient séparées</translation>
        </message>
        <message>
            <source>Why it stays</source>
            <translation>Pourquoi il reste</translation>
        </message>
        <message>
            <source>Working out the moves…</source>
            <translation>Calcul des déplacements…</translation>
        </message>
        <message>
            <source>Wrong year</source>
            <translation>Mauvaise année</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <source>Checked: %1 copies, %2</source>
            <translation>Cochées : %1 copies, %2</translation>
        </message>
        <message>
            <source>%1 can be won back from %2 titles. Another edition, a missing file or an extra never counts.</source>
            <translation>%1 peuvent être récupérés sur %2 titres. Une autre édition, un fichier manquant ou un bonus ne comptent jamais.</translation>
        </message>
        <message>
            <source>Audio</source>
            <translation>Audio</translation>
        </message>
        <message>
            <source>Bitrate</source>
            <translation>Débit</translation>
        </message>
        <message>
            <source>Check every copy that can go</source>
            <translation>Cocher toutes les copies superflues</translation>
        </message>
        <message>
            <source>Duplicates and space</source>
            <translation>Doublons et espace</translation>
        </message>
        <message>
            <source>Edition</source>
            <translation>Édition</translation>
        </message>
        <message>
            <source>HDR</source>
            <translation>HDR</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Emplacement</translation>
        </message>
        <message>
            <source>No film has copies of the same edition: nothing to win back.</source>
            <translation>Aucun film n’a plusieurs copies de la même édition : rien à récupérer.</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Résolution</translation>
        </message>
        <message>
            <source>Send checked to trash (%1)…</source>
            <translation>Mettre la sélection à la corbeille (%1)…</translation>
        </message>
        <message>
            <source>Send checked to trash…</source>
            <translation>Mettre la sélection à la corbeille…</translation>
        </message>
        <message>
            <source>Space to win / size</source>
            <translation>Espace à récupérer / taille</translation>
        </message>
        <message>
            <source>Subtitles</source>
            <translation>Sous-titres</translation>
        </message>
        <message>
            <source>Title / version</source>
            <translation>Titre / version</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Vidéo</translation>
        </message>
        <message>
            <source>keep</source>
            <translation>à garder</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>TV show</source>
            <translation>Série</translation>
        </message>
        <message>
            <source>Movie</source>
            <translation>Film</translation>
        </message>
        <message>
            <source>runs %1 min</source>
            <translation>dure %1 min</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>Done: %1</source>
            <translation>Fait : %1</translation>
        </message>
        <message>
            <source>Enter accepts: %1</source>
            <translation>Entrée accepte : %1</translation>
        </message>
        <message>
            <source>Enter: accept the suggestion   1-5: pick a candidate   S: search   U: unmatch   Space: skip   Esc: close</source>
            <translation>Entrée : accepter la suggestion   1-5 : choisir un candidat   S : rechercher   U : dissocier   Espace : passer   Échap : fermer</translation>
        </message>
        <message>
            <source>No suggestion: search (S) or unmatch (U).</source>
            <translation>Pas de suggestion : recherchez (S) ou dissociez (U).</translation>
        </message>
        <message>
            <source>Nothing to review.</source>
            <translation>Rien à vérifier.</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>À vérifier</translation>
        </message>
        <message>
            <source>ambiguous</source>
            <translation>ambigu</translation>
        </message>
        <message>
            <source>low confidence</source>
            <translation>confiance faible</translation>
        </message>
        <message>
            <source>matched to %1</source>
            <translation>associé à %1</translation>
        </message>
        <message>
            <source>not found on TMDb</source>
            <translation>introuvable sur TMDb</translation>
        </message>
        <message>
            <source>runtime disagrees</source>
            <translation>la durée ne correspond pas</translation>
        </message>
        <message>
            <source>the name lies about the resolution</source>
            <translation>le nom ment sur la résolution</translation>
        </message>
        <message>
            <source>unmatched</source>
            <translation>dissocié</translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message>
            <source>Send %2 files of “%1” to the trash?</source>
            <translation>Mettre %2 fichiers de « %1 » à la corbeille ?</translation>
        </message>
        <message>
            <source>Send 1 file of “%1” to the trash?</source>
            <translation>Mettre 1 fichier de « %1 » à la corbeille ?</translation>
        </message>
        <message>
            <source>Send to trash</source>
            <translation>Mettre à la corbeille</translation>
        </message>
        <message>
            <source>Total: %1. They go to the system trash, where you can restore them; nothing is deleted.</source>
            <translation>Total : %1. Ils vont dans la corbeille du système, d’où vous pouvez les restaurer ; rien n’est supprimé.</translation>
        </message>
    </context>
    <context>
        <name>VersionsView</name>
        <message>
            <source>%1 Mb/s</source>
            <translation>%1 Mb/s</translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1 h %2 min</translation>
        </message>
        <message>
            <source>%1 kb/s</source>
            <translation>%1 kb/s</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>%1-bit</source>
            <translation>%1 bits</translation>
        </message>
        <message>
            <source>(forced)</source>
            <translation>(forcés)</translation>
        </message>
        <message>
            <source>(named %1)</source>
            <translation>(nommé %1)</translation>
        </message>
        <message>
            <source>(not read yet)</source>
            <translation>(pas encore lu)</translation>
        </message>
        <message>
            <source>Audio</source>
            <translation>Audio</translation>
        </message>
        <message>
            <source>Bitrate</source>
            <translation>Débit</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Durée</translation>
        </message>
        <message>
            <source>Edition</source>
            <translation>Édition</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>HDR</source>
            <translation>HDR</translation>
        </message>
        <message>
            <source>HDR (%1)</source>
            <translation>HDR (%1)</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>Garder</translation>
        </message>
        <message>
            <source>Keep %1: %2. %3 can go (%4).</source>
            <translation>Garder %1 : %2. %3 superflue(s) (%4).</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Emplacement</translation>
        </message>
        <message>
            <source>Missing (not found at the last scan): %1</source>
            <translation>Manquant (introuvable au dernier scan) : %1</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Résolution</translation>
        </message>
        <message>
            <source>Send the selected copies to the system trash (you are asked first)</source>
            <translation>Mettre les copies sélectionnées dans la corbeille du système (après confirmation)</translation>
        </message>
        <message>
            <source>Send to trash…</source>
            <translation>Mettre à la corbeille…</translation>
        </message>
        <message>
            <source>Sent to the trash on %1: %2 (%3)</source>
            <translation>Mis à la corbeille le %1 : %2 (%3)</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>Subtitles</source>
            <translation>Sous-titres</translation>
        </message>
        <message>
            <source>The file runs %1 min; TMDb says %2 min: check that this is the film.</source>
            <translation>Le fichier dure %1 min ; TMDb indique %2 min : vérifiez que c’est bien ce film.</translation>
        </message>
        <message>
            <source>The name says %1; the picture is %2x%3.</source>
            <translation>Le nom indique %1 ; l’image fait %2x%3.</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Vidéo</translation>
        </message>
        <message>
            <source>as good as the others</source>
            <translation>aussi bonne que les autres</translation>
        </message>
        <message>
            <source>better source (%1)</source>
            <translation>meilleure source (%1)</translation>
        </message>
        <message>
            <source>cannot be read</source>
            <translation>illisible</translation>
        </message>
        <message>
            <source>higher resolution (%1)</source>
            <translation>meilleure résolution (%1)</translation>
        </message>
        <message>
            <source>larger file</source>
            <translation>fichier plus gros</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>manquant</translation>
        </message>
        <message>
            <source>more audio channels (%1)</source>
            <translation>plus de canaux audio (%1)</translation>
        </message>
        <message>
            <source>more audio languages (%1)</source>
            <translation>plus de langues audio (%1)</translation>
        </message>
        <message>
            <source>more efficient codec (%1)</source>
            <translation>codec plus efficace (%1)</translation>
        </message>
        <message>
            <source>more subtitles (%1)</source>
            <translation>plus de sous-titres (%1)</translation>
        </message>
        <message>
            <source>not a video file</source>
            <translation>pas un fichier vidéo</translation>
        </message>
    </context>
</TS>
