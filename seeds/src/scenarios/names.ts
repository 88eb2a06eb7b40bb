// Fictional people: a mix of given and family names common in US school districts.
export const FIRST_NAMES = [
  'Aaliyah', 'Aaron', 'Abigail', 'Adrian', 'Aisha', 'Alejandro', 'Alex', 'Alicia', 'Amir', 'Ana', 'Andre', 'Angela', 'Anh', 'Arjun', 'Ashley',
  'Beatriz', 'Ben', 'Bianca', 'Brandon', 'Camila', 'Carlos', 'Carmen', 'Chen', 'Chloe', 'Chris', 'Claire', 'Daniel', 'Darius', 'David', 'Deja',
  'Diego', 'Dmitri', 'Ebony', 'Elijah', 'Elena', 'Emily', 'Emma', 'Esperanza', 'Ethan', 'Fatima', 'Felipe', 'Gabriel', 'Grace', 'Hana', 'Hector',
  'Imani', 'Isaac', 'Isabel', 'Jamal', 'James', 'Jasmine', 'Javier', 'Jenna', 'Jin', 'Jordan', 'Jose', 'Joy', 'Julia', 'Kareem', 'Katherine',
  'Kenji', 'Keisha', 'Kevin', 'Kofi', 'Laila', 'Laura', 'Leah', 'Li', 'Lucia', 'Malik', 'Manuel', 'Maria', 'Marcus', 'Maya', 'Mei', 'Michael',
  'Miguel', 'Mohammed', 'Monique', 'Nadia', 'Naomi', 'Nathan', 'Nia', 'Noah', 'Olivia', 'Omar', 'Pablo', 'Priya', 'Rachel', 'Rafael', 'Rashad',
  'Rebecca', 'Rosa', 'Ryan', 'Samira', 'Samuel', 'Sara', 'Sofia', 'Tariq', 'Tasha', 'Thomas', 'Tiana', 'Trinh', 'Valeria', 'Victor', 'Wei',
  'Xavier', 'Yara', 'Yusuf', 'Zara', 'Zoe',
];

export const LAST_NAMES = [
  'Abdi', 'Acosta', 'Adams', 'Ahmed', 'Alvarez', 'Anderson', 'Baker', 'Banerjee', 'Begay', 'Bell', 'Brooks', 'Campbell', 'Castillo', 'Chang', 'Chavez',
  'Clark', 'Cohen', 'Collins', 'Cruz', 'Daniels', 'Diaz', 'Dubois', 'Edwards', 'Evans', 'Fischer', 'Flores', 'Foster', 'Garcia', 'Gomez', 'Gonzalez',
  'Green', 'Gupta', 'Hall', 'Harris', 'Hernandez', 'Hill', 'Ho', 'Hughes', 'Ibrahim', 'Jackson', 'Jensen', 'Johnson', 'Jones', 'Kaur', 'Kim',
  'King', 'Kowalski', 'Lee', 'Lewis', 'Lopez', 'Martin', 'Martinez', 'Mendoza', 'Miller', 'Mitchell', 'Moore', 'Morales', 'Murphy', 'Nakamura', 'Nguyen',
  'Nelson', 'Okafor', 'Olsen', 'Ortiz', 'Patel', 'Perez', 'Phillips', 'Price', 'Ramirez', 'Reed', 'Reyes', 'Rivera', 'Roberts', 'Robinson', 'Rodriguez',
  'Ross', 'Russell', 'Sanchez', 'Santos', 'Scott', 'Shah', 'Silva', 'Singh', 'Smith', 'Stewart', 'Sullivan', 'Tanaka', 'Taylor', 'Thomas', 'Thompson',
  'Tran', 'Turner', 'Vasquez', 'Walker', 'Washington', 'White', 'Williams', 'Wilson', 'Wong', 'Wright', 'Yazzie', 'Young', 'Zhang',
];

export const TEACHING_TITLES: Record<string, string[]> = {
  elementary: ['Kindergarten Teacher', 'Grade 1 Teacher', 'Grade 2 Teacher', 'Grade 3 Teacher', 'Grade 4 Teacher', 'Grade 5 Teacher', 'Reading Specialist', 'ESL Teacher', 'Special Education Teacher'],
  middle: ['Mathematics Teacher', 'Science Teacher', 'English Language Arts Teacher', 'Social Studies Teacher', 'Special Education Teacher', 'Band Director', 'Physical Education Teacher'],
  high: ['Mathematics Teacher', 'Biology Teacher', 'Chemistry Teacher', 'English Teacher', 'History Teacher', 'Spanish Teacher', 'Computer Science Teacher', 'Special Education Teacher', 'Art Teacher'],
  k8: ['Grade 3 Teacher', 'Grade 6 Teacher', 'Mathematics Teacher', 'Science Teacher', 'ESL Teacher', 'Special Education Teacher'],
  k12: ['Mathematics Teacher', 'English Teacher', 'Science Teacher', 'Special Education Teacher', 'ESL Teacher'],
};

export const SUPPORT_TITLES = ['School Counselor', 'Librarian', 'Instructional Coach', 'Department Chair', 'Mentor Teacher', 'PLC Lead'];
