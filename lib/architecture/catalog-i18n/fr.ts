// The architecture catalog (../catalog.ts) in French, with the terms of messages/fr.json.
import type { CatalogTranslation } from "./types";

export const fr = {
  rttNote:
    "Médianes typiques arrondies entre des villes représentatives de chaque région, et non des mesures d’un réseau particulier ; un " +
    "aller-retour par requête, avec des connexions déjà ouvertes. Une nouvelle connexion TLS ajoute un ou deux allers-retours.",
  architectures: [
    {
      id: "central_factory",
      name: "Usine d’IA centralisée",
      tagline: "Un grand cluster GPU dans une seule région cloud, conçu pour le débit.",
      description:
        "Toute l’inférence tourne sur un grand pool GPU partagé dans une seule région cloud, en général celle qui offre le plus de " +
        "capacité et les accélérateurs les plus récents. Regrouper toutes les charges sur un cluster occupe les GPU, rend les plus " +
        "grands modèles exploitables et donne le coût par token le plus bas. Le prix à payer est la distance : chaque utilisateur hors " +
        "de cette région subit un long aller-retour réseau à chaque requête.",
      fitsWhen: [
        "Traitements par lots et hors ligne (documents, analytique, évaluations), où le débit compte plus que le temps de réponse",
        "Les utilisateurs sont surtout dans une région ou à proximité, ou le budget de latence est d’au moins 500 ms",
        "Vous avez besoin de modèles de pointe qui exigent des serveurs multi-GPU dotés de centaines de gigaoctets de mémoire d’accélérateur",
        "Le trafic arrive par rafales et un grand pool partagé absorbe les pics sans surdimensionner de nombreux sites",
        "Une petite équipe plateforme doit exploiter un seul déploiement plutôt que plusieurs",
      ],
      avoidWhen: [
        "Les utilisateurs sont répartis sur plusieurs continents et attendent une première réponse en 250 ms environ",
        "Les règles de résidence des données interdisent de les sortir du pays ou de la région où elles sont collectées",
        "Une panne de cette unique région arrêterait un service critique et aucune région de secours n’est prévue",
      ],
      latency:
        "Les utilisateurs de la même région ont un aller-retour réseau d’environ 20 à 40 ms ; ceux des autres continents ajoutent 100 " +
        "à 300 ms par requête avant que le modèle ne commence à travailler. Le délai jusqu’au premier token dépend ensuite de la taille " +
        "du modèle et de la file d’attente.",
      cost:
        "Le coût par token le plus bas à grande échelle : forte utilisation des GPU, remises sur capacité réservée ou engagement " +
        "d’utilisation, et une seule copie de chaque modèle. Les frais de transfert de données entre régions augmentent avec la part " +
        "d’utilisateurs éloignés.",
      operations: [
        "Un cluster GPU avec une pile de service (vLLM, TensorRT-LLM ou un endpoint managé) et de l’autoscaling",
        "La planification de capacité et la réservation d’accélérateurs rares dans une région",
        "Un plan de reprise : une région de secours à chaud ou un mode dégradé documenté",
        "Une entrée mondiale (CDN ou répartiteur de charge global) qui termine le TLS près des utilisateurs",
      ],
    },
    {
      id: "regional_cloud",
      name: "Inférence cloud régionale",
      tagline: "Des endpoints GPU dans plusieurs régions cloud, chacun proche d’un groupe d’utilisateurs.",
      description:
        "Les mêmes modèles sont déployés comme endpoints d’inférence dans plusieurs régions cloud, et un répartiteur de charge global " +
        "envoie chaque utilisateur vers l’endpoint opérationnel le plus proche. Les utilisateurs bénéficient d’allers-retours d’environ " +
        "20 à 40 ms dans leur région, tandis que le fournisseur cloud continue d’exploiter le matériel. C’est plus cher qu’un seul pool " +
        "central, car la capacité est répartie entre régions et chaque région a besoin de sa propre marge.",
      fitsWhen: [
        "Les utilisateurs se trouvent dans quelques régions (par exemple Amérique du Nord, Europe et Asie de l’Est) et attendent des réponses interactives",
        "Le budget de latence se situe entre 250 ms et 1 s environ, avec des modèles de taille moyenne ou de pointe",
        "Les données doivent être traitées dans la région où elles ont été collectées, sans que vous ayez à posséder le matériel",
        "Vous voulez une reprise régionale : une région prend le trafic d’une autre en cas de panne",
      ],
      avoidWhen: [
        "Des budgets inférieurs à 100 ms environ, où l’aller-retour dans la région et l’attente en file laissent trop peu de temps au modèle",
        "Le trafic est si faible que le répartir entre régions laisse la plupart des GPU inoccupés",
        "Les types de GPU ou les modèles dont vous avez besoin ne sont pas proposés dans les régions de vos utilisateurs",
      ],
      latency:
        "En général 20 à 40 ms d’aller-retour réseau pour les utilisateurs d’une région desservie. Ceux d’une région sans endpoint " +
        "basculent vers le plus proche et subissent un aller-retour interrégional.",
      cost:
        "Modéré : plus de marge inutilisée qu’un seul pool central, puisque chaque région couvre ses propres pics, plus le travail " +
        "nécessaire pour garder modèles, index et configuration synchronisés entre régions.",
      operations: [
        "Le même déploiement dans plusieurs régions, avec des déploiements automatisés et versionnés des modèles et des prompts",
        "Un routage mondial du trafic (DNS selon la latence ou répartiteur anycast) avec contrôles de santé et bascule",
        "Des quotas GPU et des réservations de capacité par région",
        "La réplication des index de recherche, des caches et des données de features dans chaque région desservie",
      ],
    },
    {
      id: "distributed_edge",
      name: "Inférence edge distribuée",
      tagline: "De petits modèles quantifiés sur de nombreux sites edge proches des utilisateurs.",
      description:
        "De petits modèles, en général de moins de 10 milliards de paramètres et quantifiés sur 8 ou 4 bits, tournent sur des GPU ou " +
        "accélérateurs modestes dans de nombreux sites edge : points de présence CDN, sites d’opérateurs télécoms, magasins ou usines. " +
        "Les utilisateurs atteignent un site en 5 à 15 ms environ, ce qui laisse au modèle l’essentiel du budget de latence. Chaque " +
        "site est petit : il ne peut pas héberger de grands modèles et dispose de peu de capacité libre pour absorber des rafales soudaines.",
      fitsWhen: [
        "Des budgets inférieurs à 250 ms environ pour des utilisateurs répartis dans de nombreuses villes ou pays",
        "Un petit modèle spécialisé (classification, extraction, routage, réponses courtes) suffit pour la tâche",
        "Les données doivent être filtrées ou caviardées près de leur lieu de création, par exemple en magasin, en usine ou dans des véhicules",
        "Le service doit continuer pendant une panne du backhaul ou de la région cloud",
      ],
      avoidWhen: [
        "La tâche exige le raisonnement ou les connaissances d’un modèle de pointe ou de taille moyenne",
        "Le trafic par site arrive par rafales ou est imprévisible, si bien que les petits sites mettraient en file ou rejetteraient des requêtes",
        "Vous n’avez pas l’outillage pour mettre à jour et superviser des modèles sur des centaines de sites",
      ],
      latency:
        "Environ 5 à 15 ms d’aller-retour réseau jusqu’au site le plus proche. Le premier token d’un petit modèle suit généralement en " +
        "50 à 100 ms environ si le site n’est pas surchargé ; sur les sites très sollicités, c’est l’attente en file qui domine.",
      cost:
        "Coût par token plus élevé qu’un pool central : beaucoup de petits GPU en partie inoccupés, plus le coût des sites. Compensé " +
        "par moins de bande passante et de trafic sortant, et par l’économie de grands modèles là où de petits suffisent.",
      operations: [
        "Une flotte de petits nœuds GPU ou NPU, ou un service d’inférence edge d’un fournisseur CDN ou télécom",
        "La distribution des modèles à distance, l’épinglage des versions et le retour arrière sur tous les sites",
        "La supervision de chaque site et le délestage vers un site régional quand un site est saturé",
        "La sécurité physique et les correctifs du matériel situé hors de vos centres de données",
      ],
    },
    {
      id: "hybrid_split",
      name: "Hybride réparti (edge + central)",
      tagline: "L’edge route, met en cache, applique des garde-fous et exécute un petit modèle ; les requêtes difficiles remontent.",
      description:
        "Chaque requête atteint d’abord un site edge qui applique des garde-fous, consulte un cache sémantique et essaie un petit " +
        "modèle spécialisé. Un routeur transmet les requêtes que le petit modèle traite mal, souvent 15 à 50 % selon la tâche, à un " +
        "modèle de pointe dans un cloud régional ou central. La plupart des utilisateurs obtiennent des réponses à la vitesse de l’edge " +
        "et les cas difficiles gardent la qualité d’un modèle de pointe, au prix de deux niveaux et d’un routeur à exploiter.",
      fitsWhen: [
        "Le trafic mêle beaucoup de requêtes simples à une minorité qui exige le raisonnement d’un modèle de pointe",
        "Des budgets interactifs d’environ 100 à 500 ms pour la plupart des requêtes, avec une tolérance pour des réponses plus lentes sur les cas difficiles",
        "Garde-fous, caviardage des données personnelles ou mise en cache doivent intervenir avant que les données ne quittent la région de l’utilisateur",
        "Vous voulez réduire vos dépenses en modèles de pointe sans renoncer à leur qualité sur les cas difficiles",
      ],
      avoidWhen: [
        "Presque chaque requête a besoin du modèle de pointe : le niveau edge ajoute un saut sans rien économiser",
        "L’équipe ne peut pas encore exploiter à la fois des sites edge et un déploiement central",
        "Les réponses doivent être identiques d’une requête à l’autre et les écarts entre le petit et le grand modèle se verraient",
      ],
      latency:
        "Les requêtes traitées à l’edge ont environ 5 à 15 ms d’aller-retour réseau plus le premier token d’un petit modèle. Celles qui " +
        "remontent ajoutent l’aller-retour vers le site régional ou central et le délai jusqu’au premier token du modèle de pointe.",
      cost:
        "En général moins cher que de tout envoyer à un modèle de pointe, car l’edge répond à la majorité des requêtes simples et le " +
        "cache élimine les répétitions. Vous payez deux niveaux, le routeur et l’évaluation qui le garde fiable.",
      operations: [
        "Des sites edge qui exécutent le petit modèle, un cache sémantique et des garde-fous",
        "Un routeur doté d’une politique d’escalade, et une évaluation hors ligne pour garder ses seuils fiables",
        "Un endpoint de pointe régional ou central dimensionné pour la part du trafic qui remonte",
        "Un traçage de bout en bout sur les deux niveaux pour voir où partent le temps et l’argent",
      ],
    },
    {
      id: "sovereign_onprem",
      name: "Inférence sur site / souveraine",
      tagline: "L’inférence sur du matériel que vous contrôlez, dans la juridiction où vos données doivent rester.",
      description:
        "Les modèles tournent dans votre propre centre de données, chez un hébergeur en colocation ou dans un cloud souverain exploité " +
        "sous juridiction locale, de sorte que prompts, documents récupérés et réponses ne quittent jamais la région où ils sont " +
        "réglementés. Vous choisissez des modèles à poids ouverts que vous pouvez héberger, des petits aux très grands, et vous " +
        "maîtrisez la journalisation et la conservation. En contrepartie, vous achetez ou louez la capacité à l’avance et portez la " +
        "charge d’exploitation.",
      fitsWhen: [
        "La résidence des données, la réglementation sectorielle ou des contrats imposent que données et traitements restent dans un pays ou une région",
        "Une charge stable et prévisible occupe les GPU dont vous êtes propriétaire la majeure partie de la journée",
        "Les charges touchent des données confidentielles (santé, finance, administration, secrets d’affaires) que vous n’enverrez pas à une API tierce",
        "Vous exploitez déjà des centres de données et disposez d’une équipe plateforme",
      ],
      avoidWhen: [
        "Le trafic arrive par rafales ou est imprévisible et vous ne pouvez pas acheter de capacité pour le pic",
        "Les utilisateurs sont répartis dans le monde entier et ont besoin d’une faible latence loin du site principal",
        "Vous dépendez de modèles de pointe propriétaires proposés uniquement sous forme d’API cloud",
      ],
      latency:
        "Bonne pour les utilisateurs proches du site principal (environ 20 à 40 ms dans la région). Ceux des autres régions subissent " +
        "l’aller-retour interrégional complet, car leurs données n’ont pas le droit de se rapprocher d’eux.",
      cost:
        "Fort en capital ou en location : le coût par token le plus bas quand les GPU restent occupés pendant des années, cher quand " +
        "ils restent inactifs. S’y ajoutent l’électricité, le refroidissement, le personnel et le renouvellement du matériel.",
      operations: [
        "Des serveurs GPU avec alimentation, refroidissement et réseau haut débit, ou un contrat de cloud souverain",
        "Une plateforme d’inférence (service, ordonnancement dans une capacité fixe, registre de modèles) exploitée par votre équipe",
        "Journaux d’audit, contrôle d’accès et preuves pour les régulateurs",
        "Le cycle de vie : correctifs de sécurité, renouvellement du matériel et planification de capacité des mois à l’avance",
      ],
    },
    {
      id: "on_device",
      name: "Inférence sur l’appareil",
      tagline: "Les modèles tournent sur le téléphone, l’ordinateur portable, le véhicule ou la machine de l’utilisateur.",
      description:
        "Un petit modèle, en général de 1 à 4 milliards de paramètres quantifiés sur quelques bits, tourne sur le NPU ou le GPU de " +
        "l’appareil lui-même. Il n’y a aucun aller-retour réseau et les données ne quittent jamais l’appareil : il fonctionne hors ligne " +
        "et ce qui est privé reste privé. La qualité et la vitesse sont limitées par l’appareil le moins puissant que vous prenez en " +
        "charge, et chaque mise à jour du modèle doit être livrée à tout le parc.",
      fitsWhen: [
        "Des produits embarqués ou mobiles qui doivent fonctionner hors ligne ou avec une mauvaise connexion",
        "Des entrées sensibles pour la vie privée, comme la saisie au clavier, les images de la caméra, la voix ou des données de santé",
        "Des volumes de requêtes très élevés, où le coût cloud par requête deviendrait prépondérant",
        "Des tâches qu’un petit modèle traite bien : résumés, classification, extraction, mots d’activation, réponses courtes",
      ],
      avoidWhen: [
        "Les tâches exigent le raisonnement d’un modèle de pointe ou un long contexte",
        "Vous prenez en charge de nombreux appareils anciens sans NPU performant ou sans assez de mémoire",
        "Vous devez changer souvent de modèle ou auditer chaque réponse de manière centralisée",
      ],
      latency:
        "Aucun aller-retour réseau. Le délai jusqu’au premier token dépend de l’appareil : environ 100 à 300 ms pour un prompt court " +
        "sur un téléphone récent, davantage pour un long prompt ou du matériel ancien.",
      cost:
        "Un coût marginal quasi nul par requête pour vous, puisque le matériel de l’utilisateur fait le travail. Les coûts sont " +
        "l’ingénierie de compression et les builds par plateforme, ainsi que les limites de batterie et de chauffe de l’appareil.",
      operations: [
        "La compression des modèles (quantification, distillation) et des runtimes par plateforme comme Core ML, ONNX Runtime ou LiteRT",
        "La livraison des modèles et la gestion des versions dans les mises à jour de l’application ou du firmware",
        "Un repli vers le cloud pour les appareils trop faibles et les requêtes trop difficiles",
        "Une télémétrie respectueuse de la vie privée pour mesurer la qualité des réponses sur le terrain",
      ],
    },
  ],
} satisfies CatalogTranslation;
