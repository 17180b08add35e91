/**
 * Hand-written name lists for the groups where the faker locales read badly for this
 * population: English speakers born 1930-1975 in Greater Boston (faker's en list is full of
 * unusual and modern names), Haitian Creole speakers and Chinese speakers (faker's zh locale
 * writes hanzi, while US charts carry romanised names). Adult-children names for caregivers
 * come from the same lists, so the later-generation names are mixed in.
 */

export interface NameList {
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly family: readonly string[];
}

export const ENGLISH_NAMES: NameList = {
  female: [
    'Mary', 'Patricia', 'Linda', 'Barbara', 'Elizabeth', 'Margaret', 'Dorothy', 'Joan', 'Carol',
    'Nancy', 'Judith', 'Susan', 'Kathleen', 'Donna', 'Sandra', 'Sharon', 'Janet', 'Diane',
    'Shirley', 'Maureen', 'Eileen', 'Geraldine', 'Rosemary', 'Anne', 'Frances', 'Helen', 'Ruth',
    'Gloria', 'Beverly', 'Cheryl', 'Brenda', 'Denise', 'Paula', 'Theresa', 'Rita', 'Claire',
    'Lorraine', 'Marilyn', 'Evelyn', 'Jean', 'Loretta', 'Doris', 'Bernadette', 'Gail', 'Karen',
    'Deborah', 'Cynthia', 'Pamela', 'Catherine', 'Virginia', 'Ellen', 'Angela', 'Yvonne', 'Gwendolyn',
    'Jennifer', 'Michelle', 'Lisa', 'Kimberly', 'Christine', 'Tracy',
  ],
  male: [
    'Robert', 'John', 'James', 'William', 'Richard', 'Thomas', 'Joseph', 'Charles', 'Edward',
    'Francis', 'Paul', 'George', 'Kenneth', 'Donald', 'Ronald', 'Gerald', 'Dennis', 'Walter',
    'Arthur', 'Raymond', 'Eugene', 'Frederick', 'Lawrence', 'Harold', 'Albert', 'Stephen', 'Peter',
    'Michael', 'David', 'Daniel', 'Kevin', 'Brian', 'Patrick', 'Timothy', 'Leonard', 'Henry',
    'Ralph', 'Roger', 'Wayne', 'Carl', 'Louis', 'Anthony', 'Vincent', 'Frank', 'Earl', 'Willie',
    'Curtis', 'Leroy', 'Melvin', 'Alvin', 'Gary', 'Mark', 'Steven', 'Christopher', 'Matthew',
    'Jeffrey', 'Scott', 'Sean', 'Eric', 'Douglas',
  ],
  family: [
    'Sullivan', 'Murphy', 'O\'Brien', 'Walsh', 'Kelly', 'McCarthy', 'Doherty', 'Fitzgerald',
    'Flaherty', 'Lynch', 'Callahan', 'Donovan', 'Mahoney', 'Driscoll', 'Connolly', 'Kennedy',
    'Burke', 'Coughlin', 'Hennessey', 'Moynihan', 'Russo', 'DeLuca', 'Ferraro', 'Marino', 'Costa',
    'Santoro', 'Caruso', 'Giordano', 'Vitale', 'Leone', 'Smith', 'Johnson', 'Williams', 'Brown',
    'Jones', 'Davis', 'Miller', 'Wilson', 'Moore', 'Taylor', 'Anderson', 'Thomas', 'Jackson',
    'White', 'Harris', 'Martin', 'Thompson', 'Robinson', 'Clark', 'Lewis', 'Walker', 'Hall',
    'Allen', 'Young', 'King', 'Wright', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts',
    'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris',
    'Cooper', 'Reed', 'Bailey', 'Bell', 'Howard', 'Ward', 'Brooks', 'Gray', 'Hughes', 'Price',
    'Bennett', 'Wood', 'Barnes', 'Coleman', 'Jenkins', 'Perry', 'Powell', 'Long', 'Patterson',
    'Washington', 'Butler', 'Simmons', 'Foster', 'Bryant', 'Alexander', 'Griffin', 'Hayes',
    'Greenberg', 'Cohen', 'Katz', 'Shapiro', 'Levine', 'Goldstein', 'Nguyen', 'Pereira', 'Medeiros',
    'Cabral', 'Silva', 'Kowalski', 'Nowak', 'Papadopoulos', 'Leblanc', 'Gagnon', 'Cormier',
  ],
};

export const HAITIAN_NAMES: NameList = {
  female: [
    'Marie', 'Rose', 'Yolande', 'Nadège', 'Guerline', 'Marlène', 'Mireille', 'Ketly', 'Jeanne',
    'Claudette', 'Lourdes', 'Myrlande', 'Rosemène', 'Carmelle', 'Ghislaine', 'Immacula', 'Elsie',
    'Micheline', 'Odette', 'Solange',
  ],
  male: [
    'Jean', 'Pierre', 'Joseph', 'Jean-Claude', 'Wilner', 'Frantz', 'Rony', 'Yves', 'Fritz',
    'Jacques', 'Emmanuel', 'Lesly', 'Jean-Robert', 'Gérald', 'Serge', 'Ernst', 'Reginald', 'Marc',
    'Clément', 'Luckner',
  ],
  family: [
    'Joseph', 'Pierre', 'Jean-Baptiste', 'Louis', 'Charles', 'Desir', 'Dorsainvil', 'Celestin',
    'Augustin', 'Etienne', 'François', 'Saint-Fleur', 'Metellus', 'Noël', 'Alexis', 'Toussaint',
    'Jeune', 'Casimir', 'Belizaire', 'Romelus', 'Exantus', 'Jean-Louis', 'Pierre-Louis', 'Dorvil',
  ],
};

export const CHINESE_NAMES: NameList = {
  female: [
    'Mei Ling', 'Xiu Ying', 'Li Hua', 'Yu Zhen', 'Shu Fen', 'Hui Min', 'Wai Ling', 'Siu Fong',
    'Yan', 'Fang', 'Jing', 'Lan', 'Ping', 'Qing', 'Suk Han', 'Mui',
  ],
  male: [
    'Wei', 'Jian', 'Guo Qiang', 'Zhi Ming', 'Jian Hua', 'Kwok Wai', 'Chi Keung', 'Wing Kin',
    'Hong', 'Jun', 'Lei', 'Ming', 'Tak Ming', 'Yong', 'Kai', 'Bo',
  ],
  family: [
    'Chen', 'Wong', 'Li', 'Zhang', 'Liu', 'Huang', 'Lin', 'Wu', 'Chan', 'Lee', 'Yang', 'Zhou',
    'Ho', 'Lam', 'Cheung', 'Tang', 'Leung', 'Xu', 'Ma', 'Chow',
  ],
};
