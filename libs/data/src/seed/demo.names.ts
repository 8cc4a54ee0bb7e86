/** Given names for generated demo people: varied in origin and era. */
export const FIRST_NAMES: readonly string[] = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Karen', 'Charles', 'Nancy',
  'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Donald', 'Dorothy',
  'Luis', 'Maria', 'Carlos', 'Rosa', 'Jose', 'Guadalupe', 'Miguel', 'Lucia', 'Wei', 'Mei',
  'Hiroshi', 'Yuki', 'Min-jun', 'Ji-woo', 'Arjun', 'Priya', 'Rahul', 'Ananya', 'Kwame', 'Amara',
  'Oluwaseun', 'Chiamaka', 'Tyrone', 'Keisha', 'DeShawn', 'Imani', 'Malik', 'Aaliyah', 'Liam', 'Olivia',
  'Noah', 'Emma', 'Mateo', 'Sofia', 'Ethan', 'Chloe', 'Nguyen', 'Linh', 'Kai', 'Leilani',
  'Tatiana', 'Dmitri', 'Fatima', 'Omar', 'Leah', 'Eli', 'Bridget', 'Seamus', 'Ingrid', 'Lars',
];

/** Family names for generated demo people. */
export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Chen', 'Wang', 'Patel', 'Shah', 'Kim', 'Park', 'Tanaka', 'Yamamoto', 'Okafor', 'Mensah',
  'Kowalski', 'Novak', 'Ivanova', 'Haddad', 'Khan', "O'Brien", 'Murphy', 'Schmidt', 'Larsen', 'Kahananui',
  'Begay', 'Yazzie', 'Castillo', 'Delgado', 'Fitzgerald', 'Washington', 'Bennett', 'Goldberg', 'Cohen', 'Rossi',
];
