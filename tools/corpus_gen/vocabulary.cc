// Word lists and sentence templates for the thirteen corpus languages, written for this project.
#include "vocabulary.h"

namespace listscan::corpus {
namespace {

using SV = std::string_view;

namespace en {
constexpr SV kCountries[] = {"IE", "MT", "DE", "NL"};
constexpr SV kKitchen[] = {"frying pan",     "saucepan",        "chef's knife",  "cutting board",
                           "coffee grinder", "electric kettle", "mixing bowl",   "baking tray",
                           "spice rack",     "food container",  "salad spinner", "tea towel set"};
constexpr SV kFashion[] = {"t-shirt",      "hoodie",       "summer dress", "denim jeans",
                           "leather belt", "wool scarf",   "sneakers",     "rain jacket",
                           "ankle boots",  "baseball cap", "backpack"};
constexpr SV kElectronics[] = {"wireless earbuds", "phone charger",     "USB-C cable",
                               "power bank",       "bluetooth speaker", "smart watch",
                               "LED desk lamp",    "HDMI adapter",      "mechanical keyboard",
                               "webcam",           "wifi router"};
constexpr SV kToys[] = {"building blocks", "plush bear",    "jigsaw puzzle",    "toy car",
                        "board game",      "doll house",    "wooden train set", "kite",
                        "craft kit",       "stacking rings"};
constexpr SV kFood[] = {"olive oil",   "dark chocolate", "green tea", "wildflower honey",
                        "durum pasta", "coffee beans",   "granola",   "peanut butter",
                        "dried mango", "sea salt"};
constexpr SV kBeauty[] = {"face cream",  "shampoo",     "lip balm",  "hand soap",
                          "body lotion", "nail polish", "hair mask", "sunscreen SPF 50",
                          "shower gel",  "sheet mask"};
constexpr SV kAdjectives[] = {"premium", "compact",   "durable",      "lightweight", "classic",
                              "modern",  "handmade",  "eco-friendly", "waterproof",  "soft",
                              "elegant", "practical", "portable",     "vintage"};
constexpr SV kColors[] = {"black", "white", "navy blue",      "red",  "olive green", "grey",
                          "beige", "pink",  "mustard yellow", "brown"};
constexpr SV kMaterials[] = {"cotton",   "stainless steel",  "bamboo",  "glass", "silicone",
                             "oak wood", "recycled plastic", "ceramic", "linen"};
constexpr SV kSentences[] = {
    "This {a} {n} is made of {m} and comes in {c}.",
    "Perfect for everyday use, the {n} from {b} is {a} and easy to clean.",
    "Package contents: 1 x {n}, user manual.",
    "Dimensions approx. {q} x {q} cm, weight {q}0 g.",
    "Our {n} makes a great gift for family and friends.",
    "Made from high-quality {m}, {a} and built to last.",
    "Colour: {c}. Please note that colours may vary slightly from the photos.",
    "Thousands of happy customers already use this {n} every day.",
    "Suitable for home, office and travel.",
    "Brand new and in original packaging.",
    "Easy to use: simply unpack and start.",
    "{b} has been making {a} products for over {q} years."};
constexpr SV kClosings[] = {"Fast shipping within 24 hours.", "Free returns within 30 days.",
                            "Questions? Send us a message, we reply quickly.",
                            "Ships from our warehouse in the EU.", "2-year warranty included."};
}  // namespace en

namespace de {
constexpr SV kCountries[] = {"DE", "AT", "LU"};
constexpr SV kKitchen[] = {"Bratpfanne",  "Kochtopf",     "Kochmesser",     "Schneidebrett",
                           "Kaffeemühle", "Wasserkocher", "Rührschüssel",   "Backblech",
                           "Gewürzregal", "Vorratsdose",  "Salatschleuder", "Geschirrtücher"};
constexpr SV kFashion[] = {"T-Shirt",      "Kapuzenpullover", "Sommerkleid", "Jeans",
                           "Ledergürtel",  "Wollschal",       "Turnschuhe",  "Regenjacke",
                           "Stiefeletten", "Baseballkappe",   "Rucksack"};
constexpr SV kElectronics[] = {"kabellose Ohrhörer",
                               "Handy-Ladegerät",
                               "USB-C Kabel",
                               "Powerbank",
                               "Bluetooth Lautsprecher",
                               "Smartwatch",
                               "LED Schreibtischlampe",
                               "HDMI Adapter",
                               "mechanische Tastatur",
                               "Webcam",
                               "WLAN Router"};
constexpr SV kToys[] = {"Bausteine",  "Plüschbär",     "Puzzle",  "Spielzeugauto", "Brettspiel",
                        "Puppenhaus", "Holzeisenbahn", "Drachen", "Bastelset",     "Stapelturm"};
constexpr SV kFood[] = {"Olivenöl",     "Zartbitterschokolade", "grüner Tee",
                        "Blütenhonig",  "Hartweizennudeln",     "Kaffeebohnen",
                        "Knuspermüsli", "Erdnussbutter",        "getrocknete Mango",
                        "Meersalz"};
constexpr SV kBeauty[] = {"Gesichtscreme", "Shampoo",   "Lippenpflege", "Handseife",
                          "Bodylotion",    "Nagellack", "Haarkur",      "Sonnencreme LSF 50",
                          "Duschgel",      "Tuchmaske"};
constexpr SV kAdjectives[] = {"hochwertig", "kompakt",     "robust",     "leicht",      "klassisch",
                              "modern",     "handgemacht", "nachhaltig", "wasserdicht", "weich",
                              "elegant",    "praktisch",   "tragbar",    "Vintage"};
constexpr SV kColors[] = {"schwarz", "weiß",  "marineblau", "rot",      "olivgrün",
                          "grau",    "beige", "rosa",       "senfgelb", "braun"};
constexpr SV kMaterials[] = {
    "Baumwolle", "Edelstahl", "Bambus", "Glas", "Silikon", "Eichenholz", "recyceltem Kunststoff",
    "Keramik",   "Leinen"};
constexpr SV kSentences[] = {"Dieses {a}e {n} besteht aus {m} und ist in {c} erhältlich.",
                             "Ideal für den Alltag: {n} von {b}, {a} und leicht zu reinigen.",
                             "Lieferumfang: 1 x {n}, Bedienungsanleitung.",
                             "Maße ca. {q} x {q} cm, Gewicht {q}0 g.",
                             "Unser {n} ist ein tolles Geschenk für Familie und Freunde.",
                             "Aus hochwertigem {m} gefertigt, {a} und langlebig.",
                             "Farbe: {c}. Die Farben können leicht von den Fotos abweichen.",
                             "Tausende zufriedene Kunden nutzen dieses {n} jeden Tag.",
                             "Geeignet für Zuhause, Büro und Reisen.",
                             "Neu und originalverpackt.",
                             "Einfach auspacken und loslegen.",
                             "{b} stellt seit über {q} Jahren {a}e Produkte her."};
constexpr SV kClosings[] = {
    "Schneller Versand innerhalb von 24 Stunden.", "Kostenlose Rücksendung innerhalb von 30 Tagen.",
    "Fragen? Schreiben Sie uns, wir antworten schnell.",
    "Versand aus unserem Lager in Deutschland.", "Inklusive 2 Jahre Garantie."};
}  // namespace de

namespace fr {
constexpr SV kCountries[] = {"FR", "BE", "LU"};
constexpr SV kKitchen[] = {"poêle",
                           "casserole",
                           "couteau de chef",
                           "planche à découper",
                           "moulin à café",
                           "bouilloire électrique",
                           "saladier",
                           "plaque de cuisson",
                           "étagère à épices",
                           "boîte de conservation",
                           "essoreuse à salade",
                           "torchons"};
constexpr SV kFashion[] = {"t-shirt",          "sweat à capuche",  "robe d'été", "jean",
                           "ceinture en cuir", "écharpe en laine", "baskets",    "veste de pluie",
                           "bottines",         "casquette",        "sac à dos"};
constexpr SV kElectronics[] = {"écouteurs sans fil",  "chargeur de téléphone",
                               "câble USB-C",         "batterie externe",
                               "enceinte bluetooth",  "montre connectée",
                               "lampe de bureau LED", "adaptateur HDMI",
                               "clavier mécanique",   "webcam",
                               "routeur wifi"};
constexpr SV kToys[] = {"blocs de construction", "ours en peluche", "puzzle",
                        "petite voiture",        "jeu de société",  "maison de poupée",
                        "train en bois",         "cerf-volant",     "kit de bricolage",
                        "anneaux à empiler"};
constexpr SV kFood[] = {"huile d'olive",    "chocolat noir",  "thé vert", "miel de fleurs",
                        "pâtes de blé dur", "café en grains", "granola",  "beurre de cacahuète",
                        "mangue séchée",    "fleur de sel"};
constexpr SV kBeauty[] = {"crème visage",         "shampooing",           "baume à lèvres",
                          "savon pour les mains", "lait corporel",        "vernis à ongles",
                          "masque capillaire",    "crème solaire SPF 50", "gel douche",
                          "masque en tissu"};
constexpr SV kAdjectives[] = {
    "haut de gamme", "compact",     "résistant", "léger",   "classique", "moderne",  "fait main",
    "écologique",    "imperméable", "doux",      "élégant", "pratique",  "portable", "rétro"};
constexpr SV kColors[] = {"noir", "blanc", "bleu marine", "rouge",          "vert olive",
                          "gris", "beige", "rose",        "jaune moutarde", "marron"};
constexpr SV kMaterials[] = {"coton",         "acier inoxydable",  "bambou",    "verre", "silicone",
                             "bois de chêne", "plastique recyclé", "céramique", "lin"};
constexpr SV kSentences[] = {
    "Ce {n} {a} est fabriqué en {m} et disponible en {c}.",
    "Parfait au quotidien, le {n} de {b} est {a} et facile à nettoyer.",
    "Contenu du colis : 1 x {n}, notice d'utilisation.",
    "Dimensions env. {q} x {q} cm, poids {q}0 g.",
    "Notre {n} est une excellente idée cadeau pour la famille et les amis.",
    "Fabriqué en {m} de haute qualité, {a} et durable.",
    "Couleur : {c}. Les couleurs peuvent légèrement varier par rapport aux photos.",
    "Des milliers de clients satisfaits utilisent ce {n} tous les jours.",
    "Convient pour la maison, le bureau et les voyages.",
    "Neuf, dans son emballage d'origine.",
    "Facile à utiliser : il suffit de déballer et de commencer.",
    "{b} fabrique des produits {a}s depuis plus de {q} ans."};
constexpr SV kClosings[] = {"Expédition rapide sous 24 heures.", "Retours gratuits sous 30 jours.",
                            "Des questions ? Écrivez-nous, nous répondons vite.",
                            "Expédié depuis notre entrepôt en France.", "Garantie 2 ans incluse."};
}  // namespace fr

namespace it {
constexpr SV kCountries[] = {"IT", "SM", "MT"};
constexpr SV kKitchen[] = {"padella",
                           "pentola",
                           "coltello da chef",
                           "tagliere",
                           "macinacaffè",
                           "bollitore elettrico",
                           "ciotola",
                           "teglia da forno",
                           "portaspezie",
                           "contenitore per alimenti",
                           "centrifuga per insalata",
                           "strofinacci"};
constexpr SV kFashion[] = {"maglietta",
                           "felpa con cappuccio",
                           "vestito estivo",
                           "jeans",
                           "cintura in pelle",
                           "sciarpa di lana",
                           "scarpe da ginnastica",
                           "giacca impermeabile",
                           "stivaletti",
                           "cappellino",
                           "zaino"};
constexpr SV kElectronics[] = {"auricolari wireless",
                               "caricabatterie",
                               "cavo USB-C",
                               "power bank",
                               "altoparlante bluetooth",
                               "smartwatch",
                               "lampada da scrivania LED",
                               "adattatore HDMI",
                               "tastiera meccanica",
                               "webcam",
                               "router wifi"};
constexpr SV kToys[] = {"mattoncini",      "orsetto di peluche", "puzzle",           "macchinina",
                        "gioco da tavolo", "casa delle bambole", "trenino in legno", "aquilone",
                        "kit creativo",    "anelli impilabili"};
constexpr SV kFood[] = {"olio extravergine di oliva",
                        "cioccolato fondente",
                        "tè verde",
                        "miele millefiori",
                        "pasta di semola",
                        "caffè in grani",
                        "granola",
                        "burro di arachidi",
                        "mango essiccato",
                        "sale marino"};
constexpr SV kBeauty[] = {"crema viso",           "shampoo",
                          "balsamo labbra",       "sapone mani",
                          "crema corpo",          "smalto per unghie",
                          "maschera per capelli", "crema solare SPF 50",
                          "bagnoschiuma",         "maschera in tessuto"};
constexpr SV kAdjectives[] = {
    "di qualità", "compatto",     "resistente", "leggero",  "classico", "moderno",   "fatto a mano",
    "ecologico",  "impermeabile", "morbido",    "elegante", "pratico",  "portatile", "vintage"};
constexpr SV kColors[] = {"nero",   "bianco", "blu navy", "rosso",         "verde oliva",
                          "grigio", "beige",  "rosa",     "giallo senape", "marrone"};
constexpr SV kMaterials[] = {
    "cotone",           "acciaio inox",       "bambù",    "vetro", "silicone",
    "legno di quercia", "plastica riciclata", "ceramica", "lino"};
constexpr SV kSentences[] = {
    "Questo {n} {a} è realizzato in {m} ed è disponibile in {c}.",
    "Perfetto per l'uso quotidiano, il {n} di {b} è {a} e facile da pulire.",
    "Contenuto della confezione: 1 x {n}, manuale d'uso.",
    "Dimensioni circa {q} x {q} cm, peso {q}0 g.",
    "Il nostro {n} è un'ottima idea regalo per famiglia e amici.",
    "Realizzato in {m} di alta qualità, {a} e duraturo.",
    "Colore: {c}. I colori possono variare leggermente rispetto alle foto.",
    "Migliaia di clienti soddisfatti usano questo {n} ogni giorno.",
    "Adatto per casa, ufficio e viaggi.",
    "Nuovo, nella confezione originale.",
    "Facile da usare: basta aprire la confezione e iniziare.",
    "{b} produce articoli {a} da oltre {q} anni."};
constexpr SV kClosings[] = {"Spedizione veloce entro 24 ore.", "Reso gratuito entro 30 giorni.",
                            "Domande? Scrivici, rispondiamo subito.",
                            "Spedito dal nostro magazzino in Italia.",
                            "Garanzia di 2 anni inclusa."};
}  // namespace it

namespace es {
constexpr SV kCountries[] = {"ES"};
constexpr SV kKitchen[] = {"sartén",
                           "cazo",
                           "cuchillo de chef",
                           "tabla de cortar",
                           "molinillo de café",
                           "hervidor eléctrico",
                           "bol mezclador",
                           "bandeja de horno",
                           "especiero",
                           "táper",
                           "centrifugadora de ensalada",
                           "paños de cocina"};
constexpr SV kFashion[] = {"camiseta",
                           "sudadera con capucha",
                           "vestido de verano",
                           "vaqueros",
                           "cinturón de cuero",
                           "bufanda de lana",
                           "zapatillas",
                           "chaqueta impermeable",
                           "botines",
                           "gorra",
                           "mochila"};
constexpr SV kElectronics[] = {"auriculares inalámbricos",
                               "cargador de móvil",
                               "cable USB-C",
                               "batería externa",
                               "altavoz bluetooth",
                               "reloj inteligente",
                               "lámpara de escritorio LED",
                               "adaptador HDMI",
                               "teclado mecánico",
                               "webcam",
                               "router wifi"};
constexpr SV kToys[] = {
    "bloques de construcción", "oso de peluche", "puzle",  "coche de juguete",    "juego de mesa",
    "casa de muñecas",         "tren de madera", "cometa", "kit de manualidades", "aros apilables"};
constexpr SV kFood[] = {
    "aceite de oliva virgen extra", "chocolate negro", "té verde", "miel de flores",
    "pasta de trigo duro",          "café en grano",   "granola",  "crema de cacahuete",
    "mango deshidratado",           "sal marina"};
constexpr SV kBeauty[] = {"crema facial",       "champú",
                          "bálsamo labial",     "jabón de manos",
                          "loción corporal",    "esmalte de uñas",
                          "mascarilla capilar", "protector solar SPF 50",
                          "gel de ducha",       "mascarilla de tela"};
constexpr SV kAdjectives[] = {"de calidad", "compacto",     "resistente", "ligero",      "clásico",
                              "moderno",    "hecho a mano", "ecológico",  "impermeable", "suave",
                              "elegante",   "práctico",     "portátil",   "vintage"};
constexpr SV kColors[] = {"negro", "blanco", "azul marino",      "rojo",  "verde oliva", "gris",
                          "beige", "rosa",   "amarillo mostaza", "marrón"};
constexpr SV kMaterials[] = {
    "algodón",         "acero inoxidable",   "bambú",    "vidrio", "silicona",
    "madera de roble", "plástico reciclado", "cerámica", "lino"};
constexpr SV kSentences[] = {
    "Este {n} {a} está fabricado en {m} y disponible en {c}.",
    "Perfecto para el día a día, el {n} de {b} es {a} y fácil de limpiar.",
    "Contenido del paquete: 1 x {n}, manual de instrucciones.",
    "Medidas aprox. {q} x {q} cm, peso {q}0 g.",
    "Nuestro {n} es un regalo ideal para familia y amigos.",
    "Fabricado en {m} de alta calidad, {a} y duradero.",
    "Color: {c}. Los colores pueden variar ligeramente respecto a las fotos.",
    "Miles de clientes satisfechos usan este {n} cada día.",
    "Apto para casa, oficina y viajes.",
    "Nuevo y en su embalaje original.",
    "Fácil de usar: solo tienes que desembalar y empezar.",
    "{b} fabrica productos {a}s desde hace más de {q} años."};
constexpr SV kClosings[] = {"Envío rápido en 24 horas.", "Devolución gratuita en 30 días.",
                            "¿Preguntas? Escríbenos, respondemos rápido.",
                            "Enviado desde nuestro almacén en España.",
                            "Garantía de 2 años incluida."};
}  // namespace es

namespace pl {
constexpr SV kCountries[] = {"PL"};
constexpr SV kKitchen[] = {"patelnia",
                           "rondel",
                           "nóż szefa kuchni",
                           "deska do krojenia",
                           "młynek do kawy",
                           "czajnik elektryczny",
                           "miska",
                           "blacha do pieczenia",
                           "półka na przyprawy",
                           "pojemnik na żywność",
                           "wirówka do sałaty",
                           "ściereczki kuchenne"};
constexpr SV kFashion[] = {
    "koszulka",       "bluza z kapturem",  "sukienka letnia", "dżinsy",
    "skórzany pasek", "wełniany szalik",   "trampki",         "kurtka przeciwdeszczowa",
    "botki",          "czapka z daszkiem", "plecak"};
constexpr SV kElectronics[] = {"słuchawki bezprzewodowe",
                               "ładowarka do telefonu",
                               "kabel USB-C",
                               "powerbank",
                               "głośnik bluetooth",
                               "smartwatch",
                               "lampka biurkowa LED",
                               "adapter HDMI",
                               "klawiatura mechaniczna",
                               "kamera internetowa",
                               "router wifi"};
constexpr SV kToys[] = {
    "klocki",          "pluszowy miś",      "puzzle",   "samochodzik",      "gra planszowa",
    "domek dla lalek", "drewniana kolejka", "latawiec", "zestaw kreatywny", "piramidka"};
constexpr SV kFood[] = {
    "oliwa z oliwek", "gorzka czekolada", "zielona herbata", "miód wielokwiatowy", "makaron",
    "kawa ziarnista", "granola",          "masło orzechowe", "suszone mango",      "sól morska"};
constexpr SV kBeauty[] = {"krem do twarzy",   "szampon",
                          "pomadka ochronna", "mydło do rąk",
                          "balsam do ciała",  "lakier do paznokci",
                          "maska do włosów",  "krem z filtrem SPF 50",
                          "żel pod prysznic", "maska w płachcie"};
constexpr SV kAdjectives[] = {"wysokiej jakości", "kompaktowy", "wytrzymały",      "lekki",
                              "klasyczny",        "nowoczesny", "ręcznie robiony", "ekologiczny",
                              "wodoodporny",      "miękki",     "elegancki",       "praktyczny",
                              "przenośny",        "vintage"};
constexpr SV kColors[] = {"czarny", "biały",  "granatowy", "czerwony",    "oliwkowy",
                          "szary",  "beżowy", "różowy",    "musztardowy", "brązowy"};
constexpr SV kMaterials[] = {
    "bawełny",         "stali nierdzewnej",     "bambusa",  "szkła", "silikonu",
    "drewna dębowego", "plastiku z recyklingu", "ceramiki", "lnu"};
constexpr SV kSentences[] = {
    "Ten {a} {n} jest wykonany z {m}, kolor {c}.",
    "Idealny do codziennego użytku: {n} marki {b} jest {a} i łatwy w czyszczeniu.",
    "Zawartość opakowania: 1 x {n}, instrukcja obsługi.",
    "Wymiary ok. {q} x {q} cm, waga {q}0 g.",
    "Nasz {n} to świetny prezent dla rodziny i przyjaciół.",
    "Wykonany z wysokiej jakości {m}, {a} i trwały.",
    "Kolor: {c}. Kolory mogą nieznacznie różnić się od zdjęć.",
    "Tysiące zadowolonych klientów używa tego produktu codziennie.",
    "Nadaje się do domu, biura i w podróż.",
    "Nowy, w oryginalnym opakowaniu.",
    "Łatwy w użyciu: wystarczy rozpakować i zacząć.",
    "{b} produkuje {a} produkty od ponad {q} lat."};
constexpr SV kClosings[] = {"Szybka wysyłka w ciągu 24 godzin.", "Darmowy zwrot w ciągu 30 dni.",
                            "Pytania? Napisz do nas, odpowiadamy szybko.",
                            "Wysyłka z magazynu w Polsce.", "2 lata gwarancji."};
}  // namespace pl

namespace nl {
constexpr SV kCountries[] = {"NL", "BE"};
constexpr SV kKitchen[] = {"koekenpan",   "steelpan",    "koksmes",       "snijplank",
                           "koffiemolen", "waterkoker",  "mengkom",       "bakplaat",
                           "kruidenrek",  "vershoudbak", "slacentrifuge", "theedoeken"};
constexpr SV kFashion[] = {"T-shirt",       "hoodie",       "zomerjurk", "spijkerbroek",
                           "leren riem",    "wollen sjaal", "sneakers",  "regenjas",
                           "enkellaarsjes", "pet",          "rugzak"};
constexpr SV kElectronics[] = {
    "draadloze oordopjes",    "telefoonoplader", "USB-C kabel",    "powerbank",
    "bluetooth speaker",      "smartwatch",      "LED bureaulamp", "HDMI adapter",
    "mechanisch toetsenbord", "webcam",          "wifi router"};
constexpr SV kToys[] = {"bouwblokken", "knuffelbeer", "legpuzzel",       "speelgoedauto",
                        "bordspel",    "poppenhuis",  "houten treinset", "vlieger",
                        "knutselset",  "stapelringen"};
constexpr SV kFood[] = {"olijfolie",       "pure chocolade", "groene thee", "bloemenhoning",
                        "durum pasta",     "koffiebonen",    "granola",     "pindakaas",
                        "gedroogde mango", "zeezout"};
constexpr SV kBeauty[] = {"gezichtscrème", "shampoo",   "lippenbalsem", "handzeep",
                          "bodylotion",    "nagellak",  "haarmasker",   "zonnebrand SPF 50",
                          "douchegel",     "sheet mask"};
constexpr SV kAdjectives[] = {"hoogwaardig", "compact", "duurzaam",    "lichtgewicht",
                              "klassiek",    "modern",  "handgemaakt", "milieuvriendelijk",
                              "waterdicht",  "zacht",   "elegant",     "praktisch",
                              "draagbaar",   "vintage"};
constexpr SV kColors[] = {"zwart", "wit",   "marineblauw", "rood",        "olijfgroen",
                          "grijs", "beige", "roze",        "mosterdgeel", "bruin"};
constexpr SV kMaterials[] = {"katoen",    "roestvrij staal",    "bamboe",   "glas",  "siliconen",
                             "eikenhout", "gerecycled plastic", "keramiek", "linnen"};
constexpr SV kSentences[] = {
    "Deze {a} {n} is gemaakt van {m} en verkrijgbaar in {c}.",
    "Perfect voor dagelijks gebruik: de {n} van {b} is {a} en makkelijk schoon te maken.",
    "Inhoud van de verpakking: 1 x {n}, handleiding.",
    "Afmetingen ca. {q} x {q} cm, gewicht {q}0 g.",
    "Onze {n} is een leuk cadeau voor familie en vrienden.",
    "Gemaakt van hoogwaardig {m}, {a} en gaat lang mee.",
    "Kleur: {c}. Kleuren kunnen iets afwijken van de foto's.",
    "Duizenden tevreden klanten gebruiken deze {n} elke dag.",
    "Geschikt voor thuis, op kantoor en onderweg.",
    "Nieuw in originele verpakking.",
    "Eenvoudig te gebruiken: uitpakken en beginnen.",
    "{b} maakt al meer dan {q} jaar {a}e producten."};
constexpr SV kClosings[] = {
    "Snelle verzending binnen 24 uur.", "Gratis retourneren binnen 30 dagen.",
    "Vragen? Stuur ons een bericht, we reageren snel.",
    "Verzonden vanuit ons magazijn in Nederland.", "Inclusief 2 jaar garantie."};
}  // namespace nl

namespace pt {
constexpr SV kCountries[] = {"PT"};
constexpr SV kKitchen[] = {"frigideira",
                           "tacho",
                           "faca de chef",
                           "tábua de corte",
                           "moinho de café",
                           "chaleira elétrica",
                           "taça misturadora",
                           "tabuleiro de forno",
                           "porta-especiarias",
                           "caixa para alimentos",
                           "centrifugadora de salada",
                           "panos de cozinha"};
constexpr SV kFashion[] = {"t-shirt",
                           "camisola com capuz",
                           "vestido de verão",
                           "calças de ganga",
                           "cinto de couro",
                           "cachecol de lã",
                           "ténis",
                           "casaco impermeável",
                           "botins",
                           "boné",
                           "mochila"};
constexpr SV kElectronics[] = {"auriculares sem fios",
                               "carregador de telemóvel",
                               "cabo USB-C",
                               "bateria externa",
                               "coluna bluetooth",
                               "relógio inteligente",
                               "candeeiro de secretária LED",
                               "adaptador HDMI",
                               "teclado mecânico",
                               "webcam",
                               "router wifi"};
constexpr SV kToys[] = {"blocos de construção", "urso de peluche",   "puzzle",
                        "carrinho de brincar",  "jogo de tabuleiro", "casa de bonecas",
                        "comboio de madeira",   "papagaio de papel", "kit de artes",
                        "argolas de empilhar"};
constexpr SV kFood[] = {
    "azeite virgem extra", "chocolate negro", "chá verde", "mel de flores",
    "massa de trigo duro", "café em grão",    "granola",   "manteiga de amendoim",
    "manga desidratada",   "flor de sal"};
constexpr SV kBeauty[] = {
    "creme de rosto", "champô",           "bálsamo labial",  "sabonete de mãos",
    "loção corporal", "verniz",           "máscara capilar", "protetor solar FPS 50",
    "gel de banho",   "máscara de tecido"};
constexpr SV kAdjectives[] = {
    "de qualidade", "compacto",    "resistente", "leve",     "clássico", "moderno",  "feito à mão",
    "ecológico",    "impermeável", "macio",      "elegante", "prático",  "portátil", "vintage"};
constexpr SV kColors[] = {"preto",    "branco", "azul marinho", "vermelho",         "verde oliva",
                          "cinzento", "bege",   "rosa",         "amarelo mostarda", "castanho"};
constexpr SV kMaterials[] = {"algodão",
                             "aço inoxidável",
                             "bambu",
                             "vidro",
                             "silicone",
                             "madeira de carvalho",
                             "plástico reciclado",
                             "cerâmica",
                             "linho"};
constexpr SV kSentences[] = {"Este {n} {a} é feito de {m} e está disponível em {c}.",
                             "Perfeito para o dia a dia, o {n} da {b} é {a} e fácil de limpar.",
                             "Conteúdo da embalagem: 1 x {n}, manual de instruções.",
                             "Dimensões aprox. {q} x {q} cm, peso {q}0 g.",
                             "O nosso {n} é uma ótima prenda para a família e os amigos.",
                             "Feito em {m} de alta qualidade, {a} e duradouro.",
                             "Cor: {c}. As cores podem variar ligeiramente em relação às fotos.",
                             "Milhares de clientes satisfeitos usam este {n} todos os dias.",
                             "Adequado para casa, escritório e viagens.",
                             "Novo, na embalagem original.",
                             "Fácil de usar: basta desembalar e começar.",
                             "A {b} fabrica produtos {a}s há mais de {q} anos."};
constexpr SV kClosings[] = {"Envio rápido em 24 horas.", "Devolução gratuita em 30 dias.",
                            "Dúvidas? Envie-nos uma mensagem, respondemos depressa.",
                            "Enviado do nosso armazém em Portugal.",
                            "Garantia de 2 anos incluída."};
}  // namespace pt

namespace ro {
constexpr SV kCountries[] = {"RO"};
constexpr SV kKitchen[] = {"tigaie",
                           "cratiță",
                           "cuțit de bucătar",
                           "tocător",
                           "râșniță de cafea",
                           "fierbător electric",
                           "bol de amestecat",
                           "tavă de copt",
                           "suport pentru condimente",
                           "cutie pentru alimente",
                           "uscător de salată",
                           "prosoape de bucătărie"};
constexpr SV kFashion[] = {"tricou",          "hanorac",       "rochie de vară", "blugi",
                           "curea din piele", "fular de lână", "adidași",        "geacă de ploaie",
                           "botine",          "șapcă",         "rucsac"};
constexpr SV kElectronics[] = {"căști wireless",     "încărcător de telefon",
                               "cablu USB-C",        "baterie externă",
                               "boxă bluetooth",     "ceas inteligent",
                               "lampă de birou LED", "adaptor HDMI",
                               "tastatură mecanică", "cameră web",
                               "router wifi"};
constexpr SV kToys[] = {
    "cuburi de construcție", "ursuleț de pluș",   "puzzle", "mașinuță",       "joc de societate",
    "căsuță pentru păpuși",  "trenuleț din lemn", "zmeu",   "set de creație", "piramidă din inele"};
constexpr SV kFood[] = {"ulei de măsline",    "ciocolată neagră", "ceai verde", "miere polifloră",
                        "paste din grâu dur", "cafea boabe",      "granola",    "unt de arahide",
                        "mango deshidratat",  "sare de mare"};
constexpr SV kBeauty[] = {"cremă de față",   "șampon",
                          "balsam de buze",  "săpun lichid",
                          "loțiune de corp", "ojă",
                          "mască de păr",    "cremă de protecție solară SPF 50",
                          "gel de duș",      "mască din țesătură"};
constexpr SV kAdjectives[] = {"de calitate", "compact",       "rezistent", "ușor",        "clasic",
                              "modern",      "lucrat manual", "ecologic",  "impermeabil", "moale",
                              "elegant",     "practic",       "portabil",  "vintage"};
constexpr SV kColors[] = {"negru", "alb", "bleumarin", "roșu",          "verde oliv",
                          "gri",   "bej", "roz",       "galben muștar", "maro"};
constexpr SV kMaterials[] = {"bumbac",         "oțel inoxidabil",  "bambus",   "sticlă", "silicon",
                             "lemn de stejar", "plastic reciclat", "ceramică", "in"};
constexpr SV kSentences[] = {"Acest {n} {a} este realizat din {m} și este disponibil în {c}.",
                             "Perfect pentru uz zilnic, {n} de la {b} este {a} și ușor de curățat.",
                             "Conținutul pachetului: 1 x {n}, manual de utilizare.",
                             "Dimensiuni aprox. {q} x {q} cm, greutate {q}0 g.",
                             "{n} nostru este un cadou excelent pentru familie și prieteni.",
                             "Realizat din {m} de înaltă calitate, {a} și durabil.",
                             "Culoare: {c}. Culorile pot varia ușor față de fotografii.",
                             "Mii de clienți mulțumiți folosesc acest {n} în fiecare zi.",
                             "Potrivit pentru casă, birou și călătorii.",
                             "Nou, în ambalajul original.",
                             "Ușor de folosit: despachetați și începeți.",
                             "{b} produce articole {a}e de peste {q} ani."};
constexpr SV kClosings[] = {"Livrare rapidă în 24 de ore.", "Retur gratuit în 30 de zile.",
                            "Întrebări? Scrieți-ne, răspundem repede.",
                            "Expediat din depozitul nostru din România.",
                            "Garanție 2 ani inclusă."};
}  // namespace ro

namespace cs {
constexpr SV kCountries[] = {"CZ", "SK"};
constexpr SV kKitchen[] = {"pánev",
                           "hrnec",
                           "kuchařský nůž",
                           "prkénko",
                           "mlýnek na kávu",
                           "rychlovarná konvice",
                           "mísa",
                           "plech na pečení",
                           "stojan na koření",
                           "dóza na potraviny",
                           "odstředivka na salát",
                           "utěrky"};
constexpr SV kFashion[] = {"tričko",         "mikina s kapucí", "letní šaty", "džíny",
                           "kožený pásek",   "vlněná šála",     "tenisky",    "bunda do deště",
                           "kotníkové boty", "kšiltovka",       "batoh"};
constexpr SV kElectronics[] = {
    "bezdrátová sluchátka",  "nabíječka telefonu", "kabel USB-C",      "powerbanka",
    "bluetooth reproduktor", "chytré hodinky",     "LED stolní lampa", "HDMI adaptér",
    "mechanická klávesnice", "webkamera",          "wifi router"};
constexpr SV kToys[] = {
    "stavebnice",          "plyšový medvěd",      "puzzle", "autíčko",        "desková hra",
    "domeček pro panenky", "dřevěná vláčkodráha", "drak",   "kreativní sada", "skládací kroužky"};
constexpr SV kFood[] = {"olivový olej", "hořká čokoláda", "zelený čaj", "květový med",
                        "těstoviny",    "zrnková káva",   "granola",    "arašídové máslo",
                        "sušené mango", "mořská sůl"};
constexpr SV kBeauty[] = {
    "pleťový krém", "šampon",         "balzám na rty",         "mýdlo na ruce", "tělové mléko",
    "lak na nehty", "maska na vlasy", "opalovací krém SPF 50", "sprchový gel",  "textilní maska"};
constexpr SV kAdjectives[] = {"kvalitní",  "kompaktní",      "odolný",     "lehký",      "klasický",
                              "moderní",   "ručně vyrobený", "ekologický", "voděodolný", "měkký",
                              "elegantní", "praktický",      "přenosný",   "vintage"};
constexpr SV kColors[] = {"černá", "bílá",   "námořnická modrá", "červená",   "olivová",
                          "šedá",  "béžová", "růžová",           "hořčicová", "hnědá"};
constexpr SV kMaterials[] = {
    "bavlny",         "nerezové oceli",       "bambusu",  "skla", "silikonu",
    "dubového dřeva", "recyklovaného plastu", "keramiky", "lnu"};
constexpr SV kSentences[] = {"Tento {a} {n} je vyroben z {m}, barva {c}.",
                             "Ideální pro každodenní použití: {n} od {b} je {a} a snadno se čistí.",
                             "Obsah balení: 1 x {n}, návod k použití.",
                             "Rozměry cca {q} x {q} cm, hmotnost {q}0 g.",
                             "Náš {n} je skvělý dárek pro rodinu a přátele.",
                             "Vyrobeno z vysoce kvalitních {m}, {a} a odolné.",
                             "Barva: {c}. Barvy se mohou mírně lišit od fotografií.",
                             "Tisíce spokojených zákazníků používají tento {n} každý den.",
                             "Vhodné do domácnosti, kanceláře i na cesty.",
                             "Nové, v originálním balení.",
                             "Snadné použití: stačí vybalit a začít.",
                             "{b} vyrábí {a} výrobky už více než {q} let."};
constexpr SV kClosings[] = {"Rychlé odeslání do 24 hodin.", "Vrácení zdarma do 30 dnů.",
                            "Máte dotaz? Napište nám, odpovídáme rychle.",
                            "Odesíláme z našeho skladu v Česku.", "Záruka 2 roky."};
}  // namespace cs

namespace sv {
constexpr SV kCountries[] = {"SE", "FI"};
constexpr SV kKitchen[] = {"stekpanna",  "kastrull",     "kockkniv",      "skärbräda",
                           "kaffekvarn", "vattenkokare", "bakskål",       "bakplåt",
                           "kryddhylla", "matlåda",      "salladsslunga", "kökshanddukar"};
constexpr SV kFashion[] = {"t-shirt",    "huvtröja",   "sommarklänning", "jeans",
                           "läderbälte", "ullhalsduk", "sneakers",       "regnjacka",
                           "kängor",     "keps",       "ryggsäck"};
constexpr SV kElectronics[] = {
    "trådlösa hörlurar",     "mobilladdare", "USB-C kabel",         "powerbank",
    "bluetooth högtalare",   "smartklocka",  "LED skrivbordslampa", "HDMI adapter",
    "mekaniskt tangentbord", "webbkamera",   "wifi router"};
constexpr SV kToys[] = {"byggklossar", "gosedjursbjörn", "pussel", "leksaksbil", "brädspel",
                        "dockskåp",    "tågbana i trä",  "drake",  "pysselset",  "staplingsringar"};
constexpr SV kFood[] = {"olivolja",     "mörk choklad", "grönt te", "blomsterhonung",
                        "durumpasta",   "kaffebönor",   "granola",  "jordnötssmör",
                        "torkad mango", "havssalt"};
constexpr SV kBeauty[] = {"ansiktskräm", "schampo",   "läppbalsam",    "handtvål",
                          "body lotion", "nagellack", "hårinpackning", "solkräm SPF 50",
                          "duschkräm",   "arkmask"};
constexpr SV kAdjectives[] = {"högkvalitativ", "kompakt",   "slitstark",   "lätt",      "klassisk",
                              "modern",        "handgjord", "miljövänlig", "vattentät", "mjuk",
                              "elegant",       "praktisk",  "bärbar",      "vintage"};
constexpr SV kColors[] = {"svart", "vit",   "marinblå", "röd",       "olivgrön",
                          "grå",   "beige", "rosa",     "senapsgul", "brun"};
constexpr SV kMaterials[] = {"bomull", "rostfritt stål",   "bambu",   "glas", "silikon",
                             "ekträ",  "återvunnen plast", "keramik", "linne"};
constexpr SV kSentences[] = {"Denna {a} {n} är tillverkad av {m} och finns i {c}.",
                             "Perfekt för vardagen: {n} från {b} är {a} och lätt att rengöra.",
                             "Förpackningen innehåller: 1 x {n}, bruksanvisning.",
                             "Mått ca {q} x {q} cm, vikt {q}0 g.",
                             "Vår {n} är en perfekt present till familj och vänner.",
                             "Tillverkad av {m} av hög kvalitet, {a} och hållbar.",
                             "Färg: {c}. Färgerna kan avvika något från bilderna.",
                             "Tusentals nöjda kunder använder denna {n} varje dag.",
                             "Passar hemma, på kontoret och på resan.",
                             "Helt ny i originalförpackning.",
                             "Enkel att använda: packa upp och börja.",
                             "{b} har tillverkat {a} produkter i över {q} år."};
constexpr SV kClosings[] = {"Snabb leverans inom 24 timmar.", "Fri retur inom 30 dagar.",
                            "Frågor? Skicka ett meddelande, vi svarar snabbt.",
                            "Skickas från vårt lager i Sverige.", "2 års garanti ingår."};
}  // namespace sv

namespace hu {
constexpr SV kCountries[] = {"HU"};
constexpr SV kKitchen[] = {
    "serpenyő",  "lábas",     "szakácskés",  "vágódeszka",       "kávéőrlő",         "vízforraló",
    "keverőtál", "sütőtálca", "fűszertartó", "ételtároló doboz", "salátacentrifuga", "konyharuha"};
constexpr SV kFashion[] = {"póló",       "kapucnis pulóver", "nyári ruha", "farmernadrág",
                           "bőröv",      "gyapjúsál",        "sportcipő",  "esőkabát",
                           "bokacsizma", "baseballsapka",    "hátizsák"};
constexpr SV kElectronics[] = {
    "vezeték nélküli fülhallgató", "telefontöltő", "USB-C kábel",       "powerbank",
    "bluetooth hangszóró",         "okosóra",      "LED asztali lámpa", "HDMI adapter",
    "mechanikus billentyűzet",     "webkamera",    "wifi router"};
constexpr SV kToys[] = {"építőkocka",      "plüssmaci",        "kirakós",       "játékautó",
                        "társasjáték",     "babaház",          "fa vonatszett", "sárkány",
                        "kreatív készlet", "montessori torony"};
constexpr SV kFood[] = {"olívaolaj",   "étcsokoládé", "zöld tea",   "virágméz",     "durumtészta",
                        "szemes kávé", "granola",     "mogyoróvaj", "aszalt mangó", "tengeri só"};
constexpr SV kBeauty[] = {"arckrém",   "sampon",     "ajakbalzsam",   "kézszappan", "testápoló",
                          "körömlakk", "hajpakolás", "naptej SPF 50", "tusfürdő",   "fátyolmaszk"};
constexpr SV kAdjectives[] = {"prémium",    "kompakt", "strapabíró",     "könnyű",
                              "klasszikus", "modern",  "kézzel készült", "környezetbarát",
                              "vízálló",    "puha",    "elegáns",        "praktikus",
                              "hordozható", "vintage"};
constexpr SV kColors[] = {"fekete", "fehér", "sötétkék",  "piros",       "olívazöld",
                          "szürke", "bézs",  "rózsaszín", "mustársárga", "barna"};
constexpr SV kMaterials[] = {"pamut",   "rozsdamentes acél",        "bambusz", "üveg", "szilikon",
                             "tölgyfa", "újrahasznosított műanyag", "kerámia", "len"};
constexpr SV kSentences[] = {"Ez a {a} {n} {m} anyagból készült, színe {c}.",
                             "Mindennapi használatra: a {b} {n} {a} és könnyen tisztítható.",
                             "A csomag tartalma: 1 x {n}, használati útmutató.",
                             "Méret kb. {q} x {q} cm, súly {q}0 g.",
                             "A {n} remek ajándék családnak és barátoknak.",
                             "Kiváló minőségű {m}, {a} és tartós.",
                             "Szín: {c}. A színek kissé eltérhetnek a fotóktól.",
                             "Több ezer elégedett vásárló használja naponta.",
                             "Otthonra, irodába és utazáshoz is ideális.",
                             "Új, eredeti csomagolásban.",
                             "Egyszerű használat: csak ki kell csomagolni.",
                             "A {b} több mint {q} éve gyárt {a} termékeket."};
constexpr SV kClosings[] = {"Gyors szállítás 24 órán belül.",
                            "Ingyenes visszaküldés 30 napon belül.",
                            "Kérdése van? Írjon nekünk, gyorsan válaszolunk.",
                            "Szállítás magyarországi raktárunkból.", "2 év garancia."};
}  // namespace hu

namespace el {
constexpr SV kCountries[] = {"GR", "CY"};
constexpr SV kKitchen[] = {"τηγάνι",          "κατσαρόλα",           "μαχαίρι σεφ",
                           "ξύλο κοπής",      "μύλος καφέ",          "βραστήρας",
                           "μπολ ανάμειξης",  "ταψί φούρνου",        "θήκη μπαχαρικών",
                           "δοχείο τροφίμων", "στεγνωτήρας σαλάτας", "πετσέτες κουζίνας"};
constexpr SV kFashion[] = {"μπλουζάκι",
                           "φούτερ με κουκούλα",
                           "καλοκαιρινό φόρεμα",
                           "τζιν παντελόνι",
                           "δερμάτινη ζώνη",
                           "μάλλινο κασκόλ",
                           "αθλητικά παπούτσια",
                           "αδιάβροχο μπουφάν",
                           "μποτάκια",
                           "καπέλο jockey",
                           "σακίδιο"};
constexpr SV kElectronics[] = {"ασύρματα ακουστικά",
                               "φορτιστής κινητού",
                               "καλώδιο USB-C",
                               "power bank",
                               "ηχείο bluetooth",
                               "έξυπνο ρολόι",
                               "φωτιστικό γραφείου LED",
                               "αντάπτορας HDMI",
                               "μηχανικό πληκτρολόγιο",
                               "κάμερα web",
                               "router wifi"};
constexpr SV kToys[] = {
    "τουβλάκια",   "λούτρινο αρκουδάκι", "παζλ",      "αυτοκινητάκι",     "επιτραπέζιο παιχνίδι",
    "κουκλόσπιτο", "ξύλινο τρενάκι",     "χαρταετός", "σετ χειροτεχνίας", "κρίκοι στοίβαξης"};
constexpr SV kFood[] = {"ελαιόλαδο",          "μαύρη σοκολάτα", "πράσινο τσάι", "μέλι ανθέων",
                        "ζυμαρικά",           "κόκκοι καφέ",    "γκρανόλα",     "φυστικοβούτυρο",
                        "αποξηραμένο μάνγκο", "θαλασσινό αλάτι"};
constexpr SV kBeauty[] = {
    "κρέμα προσώπου", "σαμπουάν",      "βάλσαμο χειλιών",  "σαπούνι χεριών", "γαλάκτωμα σώματος",
    "βερνίκι νυχιών", "μάσκα μαλλιών", "αντηλιακό SPF 50", "αφρόλουτρο",     "υφασμάτινη μάσκα"};
constexpr SV kAdjectives[] = {"ποιοτικό", "μικρό",       "ανθεκτικό",  "ελαφρύ",    "κλασικό",
                              "μοντέρνο", "χειροποίητο", "οικολογικό", "αδιάβροχο", "μαλακό",
                              "κομψό",    "πρακτικό",    "φορητό",     "vintage"};
constexpr SV kColors[] = {"μαύρο", "λευκό", "μπλε navy", "κόκκινο", "λαδί",
                          "γκρι",  "μπεζ",  "ροζ",       "κίτρινο", "καφέ"};
constexpr SV kMaterials[] = {"βαμβάκι", "ανοξείδωτο ατσάλι",     "μπαμπού",  "γυαλί", "σιλικόνη",
                             "δρυ",     "ανακυκλωμένο πλαστικό", "κεραμικό", "λινό"};
constexpr SV kSentences[] = {
    "Αυτό το {a} {n} είναι από {m} και διατίθεται σε {c}.",
    "Ιδανικό για καθημερινή χρήση: το {n} της {b} είναι {a} και καθαρίζεται εύκολα.",
    "Περιεχόμενο συσκευασίας: 1 x {n}, οδηγίες χρήσης.",
    "Διαστάσεις περίπου {q} x {q} cm, βάρος {q}0 g.",
    "Το {n} μας είναι ιδανικό δώρο για οικογένεια και φίλους.",
    "Κατασκευασμένο από {m} υψηλής ποιότητας, {a} και ανθεκτικό.",
    "Χρώμα: {c}. Τα χρώματα μπορεί να διαφέρουν ελαφρώς από τις φωτογραφίες.",
    "Χιλιάδες ικανοποιημένοι πελάτες το χρησιμοποιούν κάθε μέρα.",
    "Κατάλληλο για σπίτι, γραφείο και ταξίδια.",
    "Καινούργιο, στην αρχική συσκευασία.",
    "Εύκολο στη χρήση: απλώς ανοίξτε τη συσκευασία.",
    "Η {b} φτιάχνει {a} προϊόντα εδώ και {q} χρόνια."};
constexpr SV kClosings[] = {"Γρήγορη αποστολή σε 24 ώρες.", "Δωρεάν επιστροφή σε 30 ημέρες.",
                            "Ερωτήσεις; Στείλτε μας μήνυμα, απαντάμε γρήγορα.",
                            "Αποστολή από την αποθήκη μας στην Ελλάδα.", "Εγγύηση 2 ετών."};
}  // namespace el

#define LISTSCAN_LANGUAGE(ns, code, currency, scale)                                       \
  Language {                                                                               \
    code, ns::kCountries, currency, scale,                                                 \
        {ns::kKitchen, ns::kFashion, ns::kElectronics, ns::kToys, ns::kFood, ns::kBeauty}, \
        ns::kAdjectives, ns::kColors, ns::kMaterials, ns::kSentences, ns::kClosings        \
  }

const Language kLanguages[] = {
    LISTSCAN_LANGUAGE(en, "en", "EUR", 1.0),  LISTSCAN_LANGUAGE(de, "de", "EUR", 1.0),
    LISTSCAN_LANGUAGE(fr, "fr", "EUR", 1.0),  LISTSCAN_LANGUAGE(it, "it", "EUR", 1.0),
    LISTSCAN_LANGUAGE(es, "es", "EUR", 1.0),  LISTSCAN_LANGUAGE(pl, "pl", "PLN", 4.3),
    LISTSCAN_LANGUAGE(nl, "nl", "EUR", 1.0),  LISTSCAN_LANGUAGE(pt, "pt", "EUR", 1.0),
    LISTSCAN_LANGUAGE(ro, "ro", "RON", 5.0),  LISTSCAN_LANGUAGE(cs, "cs", "CZK", 25.0),
    LISTSCAN_LANGUAGE(sv, "sv", "SEK", 11.5), LISTSCAN_LANGUAGE(hu, "hu", "HUF", 390.0),
    LISTSCAN_LANGUAGE(el, "el", "EUR", 1.0),
};
#undef LISTSCAN_LANGUAGE

// Roughly the share of marketplace listings per language in the EU.
constexpr double kLanguageWeights[] = {20, 18, 14, 10, 10, 7, 6, 3, 3, 3, 3, 2, 2};
static_assert(std::size(kLanguageWeights) == std::size(kLanguages));

constexpr SV kKitchenSpecs[] = {"24 cm",    "28 cm",      "1.7 l",     "set of 6",
                                "2 pcs",    "500 ml",     "induction", "dishwasher safe",
                                "BPA free", "3-piece set"};
constexpr SV kFashionSpecs[] = {"size S", "size M", "size L",   "XL",       "EU 38",
                                "EU 42",  "unisex", "slim fit", "oversize", "W32 L34"};
constexpr SV kElectronicsSpecs[] = {"USB-C", "65W",           "20000mAh", "1 m",  "2 m",
                                    "4K",    "bluetooth 5.3", "32 GB",    "IP67", "2.4 GHz"};
constexpr SV kToysSpecs[] = {"3+",        "6+",    "8+",     "100 pcs",     "500 pieces",
                             "set of 12", "30 cm", "wooden", "2-4 players", "ages 4-8"};
constexpr SV kFoodSpecs[] = {"500 g", "1 kg",  "250 g",       "750 ml",    "organic",
                             "bio",   "vegan", "gluten free", "pack of 3", "100 bags"};
constexpr SV kBeautySpecs[] = {"50 ml",          "100 ml",
                               "250 ml",         "vegan",
                               "for dry skin",   "for all skin types",
                               "fragrance free", "travel size",
                               "2 x 75 ml",      "dermatologically tested"};

}  // namespace

std::span<const Language> Languages() { return kLanguages; }
std::span<const double> LanguageWeights() { return kLanguageWeights; }

Words Specs(ProductCategory category) {
  switch (category) {
    case ProductCategory::kKitchen:
      return kKitchenSpecs;
    case ProductCategory::kFashion:
      return kFashionSpecs;
    case ProductCategory::kElectronics:
      return kElectronicsSpecs;
    case ProductCategory::kToys:
      return kToysSpecs;
    case ProductCategory::kFood:
      return kFoodSpecs;
    case ProductCategory::kBeauty:
      return kBeautySpecs;
  }
  return kKitchenSpecs;
}

}  // namespace listscan::corpus
