// Synthetic Dutch names, streets and places for demo and test data (no real persons).
export const FIRST_NAMES_M = ['Jan', 'Pieter', 'Kees', 'Henk', 'Willem', 'Daan', 'Sem', 'Luuk', 'Bram', 'Thijs', 'Ruben', 'Mohamed', 'Ahmed', 'Yusuf', 'Dirk', 'Gerrit', 'Bas', 'Stijn', 'Jeroen', 'Marco', 'Tom', 'Niels', 'Joost', 'Kevin', 'Dennis', 'Mehmet', 'Tarik', 'Hendrik', 'Albert', 'Wouter'];
export const FIRST_NAMES_V = ['Anna', 'Emma', 'Sophie', 'Julia', 'Lisa', 'Fleur', 'Sanne', 'Anouk', 'Eva', 'Lotte', 'Fatima', 'Aisha', 'Zoë', 'Chloë', 'Marieke', 'Ingrid', 'Petra', 'Monique', 'Sandra', 'Linda', 'Esther', 'Noor', 'Iris', 'Femke', 'Renée', 'Hatice', 'Samira', 'Joke', 'Gerda', 'Wilma'];
export const PREFIXES = ['', '', '', '', '', 'de', 'van', 'van der', 'van den', 'ter', 'van de', 'el', 'de'];
export const LAST_NAMES = ['Jansen', 'Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer', 'Dijkstra', 'Kok', 'Jong', 'Wal', 'Postma', 'Kramer', 'Schouten', 'Hoekstra', 'Veenstra', 'Koster', 'Prins', 'Huisman', 'Boer', 'Yilmaz', 'Kaya', 'Amrani', 'Bouzid', 'Groot', 'Wit', 'Zwart', 'Linden', 'Berg', 'Heuvel', 'Kuiper', 'Sluis', 'Veen', 'Bruin', 'Müller', 'Çelik', 'Sijbrandij', 'Ouwerkerk', 'Zijlstra'];
export const PLACES: [string, string][] = [
  ['Emmeloord', '830'], ['Emmeloord', '831'], ['Emmeloord', '832'], ['Marknesse', '831'], ['Ens', '830'], ['Luttelgeest', '831'],
  ['Bant', '831'], ['Rutten', '831'], ['Creil', '830'], ['Espel', '830'], ['Tollebeek', '830'], ['Nagele', '830'], ['Urk', '832'], ['Kraggenburg', '831'],
];
export const STREETS = ['Lange Nering', 'Korte Achterzijde', 'Kampwal', 'Deel', 'Espelerlaan', 'Zuidervaart', 'Noordzijde', 'Marknesserweg', 'Havenweg', 'Produktieweg', 'De Zuiderkade', 'Urkerweg', 'Pastoriestraat', 'Gentiaanstraat', 'Lindenlaan'];
export const EMPLOYER_STEMS = ['Agrarisch Loonbedrijf', 'Bouwbedrijf', 'Transport', 'Zorggroep', 'Bakkerij', 'Installatietechniek', 'Schoonmaakdiensten', 'Groothandel', 'Supermarkt', 'Hoveniersbedrijf', 'Metaalbewerking', 'Logistiek Centrum', 'Visverwerking', 'Kwekerij', 'Autobedrijf', 'Horeca'];
export const EMPLOYER_NAMES = ['Noordoostpolder', 'De Polder', 'Flevo', 'Schokland', 'Het Kuinderbos', 'De Voorst', 'IJsselmeer', 'Waterloopbos', 'Urkerhoek', 'Zuiderzee', 'De Nagel', 'Bantpolder'];
export const SECTORS = ['A - Landbouw', 'C - Industrie', 'F - Bouw', 'G - Handel', 'H - Vervoer en opslag', 'I - Horeca', 'N - Verhuur en zakelijke dienstverlening', 'Q - Zorg en welzijn'];
export const JOB_TITLES: [string, string][] = [
  ['Productiemedewerker', '7212'], ['Orderpicker', '9333'], ['Schoonmaker', '9112'], ['Magazijnmedewerker', '4321'],
  ['Vakkenvuller', '9334'], ['Chauffeur', '8322'], ['Medewerker groenvoorziening', '6113'], ['Kassamedewerker', '5230'],
  ['Helpende zorg', '5322'], ['Keukenhulp', '9412'], ['Heftruckchauffeur', '8344'], ['Oogstmedewerker', '9211'],
  ['Administratief medewerker', '4110'], ['Timmerman', '7115'], ['Metaalbewerker', '7223'], ['Bezorger', '9621'],
];
export const MANAGERS = ['A. de Boer', 'M. Visser', 'S. Kramer', 'J. Postma', 'R. Hoekstra', 'E. Dijkstra', 'L. Bakker'];
export const PROVIDERS = ['Werkcorporatie', 'ROC Friese Poort', 'Concern voor Werk', 'Jobcoach Flevoland', 'Sollicitatiepunt'];
